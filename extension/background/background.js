// The background: answers the content script's messages and is the only part of the extension that talks to the native host.
// Chromium runs this file as the service worker and needs the others imported (paths resolve against this file's URL);
// Firefox loads them all from the manifest's "scripts" list, where importScripts does not exist.
if (typeof importScripts === 'function') importScripts('../shared/messages.js', '../shared/options.js', 'host-port.js', 'queue.js', 'verdict.js');

(() => {
  const { messages, createHostPort, createQueue, verdict, options } = globalThis.untrain;
  const api = globalThis.browser ?? globalThis.chrome;
  const { internal, host: types, states, errors, nudgeActions, popup } = messages;
  const DAY_MS = 24 * 60 * 60 * 1000;
  const RULE_FILES = { linkedin: 'rules/linkedin.json' };
  // The pages our content scripts run on (the manifest's matches).
  const PAGE_ORIGINS = ['https://www.linkedin.com/'];

  const storage = {
    get: async (key) => (await api.storage.local.get(key))[key],
    set: (key, value) => api.storage.local.set({ [key]: value }),
  };

  let queue = null;
  const host = createHostPort({
    connect: () => api.runtime.connectNative(messages.HOST_NAME),
    lastError: () => api.runtime.lastError,
    onReady: (hello) => {
      if (hello?.protocol !== messages.PROTOCOL) console.warn('untrain: host speaks protocol', hello?.protocol, 'expected', messages.PROTOCOL);
      // Whatever waited for the host goes out as soon as it is back.
      queue.flush();
    },
  });
  queue = createQueue({
    storage,
    send: (observation) => host.request({ type: types.OBSERVE, ...observation }),
    isRefused: (error) => errors.REFUSED.includes(error.code),
  });

  const rules = new Map();
  function loadRules(platform) {
    if (!rules.has(platform)) {
      const loading = fetch(api.runtime.getURL(RULE_FILES[platform]))
        .then((response) => {
          if (!response.ok) throw new Error(`rules for ${platform}: HTTP ${response.status}`);
          return response.json();
        });
      loading.catch(() => rules.delete(platform));
      rules.set(platform, loading);
    }
    return rules.get(platform);
  }

  async function observe(observation) {
    const id = await queue.add(observation);
    const { acked, refused, error, results } = await queue.flush();
    if (acked.includes(id)) return { result: 'ack', seq: results?.[id]?.seq ?? null, recorded: results?.[id]?.recorded ?? null };
    const refusal = refused.find((r) => r.id === id);
    if (refusal) return { result: 'refused', error: refusal.error.code };
    return { result: 'queued', error: error?.code ?? null };
  }

  async function status(platform, account) {
    // Flushing first lets the verdict include observations that were waiting for the host.
    await queue.flush();
    const chosen = await options.load(storage);
    const shared = { staleAfterDays: chosen.staleAfterDays, snoozeDays: chosen.snoozeDays };
    try {
      const result = await host.request({ type: types.STATUS, platform, account: account ?? null, stale_after_days: chosen.staleAfterDays });
      return {
        ...verdict.bannerState(result, await loadRules(platform), { banner: chosen.banner }),
        ...shared, now: result.now, settings: result.settings, forms: result.forms ?? [],
      };
    } catch (error) {
      if (error.code === errors.NO_HOST) return { state: states.NO_HOST, verdict: null, setting: null, ...shared, settings: [], forms: [] };
      throw error;
    }
  }

  // The audit trail holds the member's accounts and pages: only the extension's own pages (the popup) may export it.
  const fromOwnPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(api.runtime.getURL(''));

  // A snooze lasts as long as the member chose on the options page; the host keeps it, so every browser honours it.
  async function nudge(report) {
    const until = report.action === nudgeActions.SNOOZED ? { until: report.time + (await options.load(storage)).snoozeDays * DAY_MS } : {};
    const result = await host.request({ type: types.NUDGE, ...report, ...until });
    return { result: 'ack', ...result };
  }

  async function form(report) {
    const result = await host.request({ type: types.FORM, ...report });
    return { result: 'ack', ...result };
  }

  function handle(message, sender) {
    switch (message.type) {
      case internal.RULES: return loadRules('linkedin');
      case internal.OBSERVE: return observe(message.observation);
      case internal.STATUS: return status(message.platform, message.account);
      case internal.NUDGE: return nudge(message.nudge);
      case internal.FORM: return form(message.form);
      case popup.EXPORT:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('exports are only for the extension\'s own pages'));
        return host.request({ type: types.EXPORT, format: message.format });
      case popup.EXPORT_CHUNK:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('exports are only for the extension\'s own pages'));
        return host.request({ type: types.EXPORT_CHUNK, export: message.export, offset: message.offset });
      default: return Promise.reject(new Error(`unhandled message type ${message.type}`));
    }
  }

  // Only our own content scripts (on the platforms we match) and our own pages may ask anything.
  function fromUs(sender) {
    if (sender.id !== api.runtime.id || typeof sender.url !== 'string') return false;
    return [api.runtime.getURL(''), ...PAGE_ORIGINS].some((origin) => sender.url.startsWith(origin));
  }

  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const knownPlatform = message?.platform === undefined || Object.hasOwn(RULE_FILES, message.platform);
    if (!fromUs(sender) || !messages.isInternal(message) || !knownPlatform) return false;
    handle(message, sender).then(sendResponse, (error) => {
      console.warn('untrain:', message.type, 'failed:', error);
      sendResponse({ error: error.code ?? 'internal', message: String(error.message ?? error) });
    });
    // Keeps the channel open for the asynchronous answer (the promise-returning form is not in every Chromium yet).
    return true;
  });
})();
