// The background's trust boundary with the page: which senders may ask what, in which exact shapes, and what each
// message does (the one `switch`); it adds the member's snooze length and stale threshold to what it asks the host.
import '../shared/messages.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.messages
import * as options from '../shared/options.js';
import { PLATFORMS } from '../shared/platforms.js';
import { createQueue } from './queue.js';
import { bannerState } from './verdict.js';

const { messages } = globalThis.untrain;
const { internal, host: types, states, errors, nudgeActions, popup } = messages;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * extension: {id, url}, the extension's runtime.id and runtime.getURL(''). host: the host port (host-port.js).
 * storage: {get(key), set(key, value)} over storage.local. readRules(path) → Promise of the fetch Response for a file
 * of the extension. Returns {onMessage, queue}: onMessage is runtime.onMessage's listener (false: refused, never
 * answered; true: answered later with the result, or {error, message}); queue is the outbox of observations.
 */
export function createRouter({ extension, host, storage, readRules, warn = console.warn }) {
  const queue = createQueue({
    storage,
    send: (observation) => host.request({ type: types.OBSERVE, ...observation }),
    isRefused: (error) => errors.REFUSED.includes(error.code),
  });

  const rules = new Map();
  function loadRules(platform) {
    if (!Object.hasOwn(PLATFORMS, platform)) return Promise.reject(new Error(`no rules for platform ${platform}`));
    if (!rules.has(platform)) {
      const loading = readRules(PLATFORMS[platform].rules)
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
        ...bannerState(result, await loadRules(platform), { banner: chosen.banner }),
        ...shared, now: result.now, settings: result.settings, forms: result.forms ?? [],
      };
    } catch (error) {
      if (error.code === errors.NO_HOST) return { state: states.NO_HOST, verdict: null, setting: null, ...shared, settings: [], forms: [] };
      throw error;
    }
  }

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

  // The audit trail holds the member's accounts and pages: only the extension's own pages (the popup) may export it.
  const fromOwnPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(extension.url);

  // A content script asks for the rules of the platform whose pages it runs on.
  const platformOf = (sender) => Object.keys(PLATFORMS).find((platform) => sender.url.startsWith(PLATFORMS[platform].pages));

  function handle(message, sender) {
    switch (message.type) {
      case internal.RULES: return loadRules(message.platform ?? platformOf(sender));
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

  // Only our own content scripts (on the platforms' pages) and our own pages may ask anything.
  const origins = [extension.url, ...Object.values(PLATFORMS).map((platform) => platform.pages)];
  function fromUs(sender) {
    if (sender.id !== extension.id || typeof sender.url !== 'string') return false;
    return origins.some((origin) => sender.url.startsWith(origin));
  }

  // The platform a message is about: its own, or that of the report it carries.
  const platformNamed = (message) => message.platform ?? (message.observation ?? message.nudge ?? message.form)?.platform;

  function onMessage(message, sender, sendResponse) {
    if (!fromUs(sender) || !messages.isInternal(message)) return false;
    const platform = platformNamed(message);
    if (platform !== undefined && !Object.hasOwn(PLATFORMS, platform)) return false;
    handle(message, sender).then(sendResponse, (error) => {
      warn('untrain:', message.type, 'failed:', error);
      sendResponse({ error: error.code ?? 'internal', message: String(error.message ?? error) });
    });
    // Keeps the channel open for the asynchronous answer (the promise-returning form is not in every Chromium yet).
    return true;
  }

  return { onMessage, queue };
}
