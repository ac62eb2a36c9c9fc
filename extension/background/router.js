// The background's trust boundary with the page: which senders may ask what, in which exact shapes, and what each
// message does (the one `switch`); it adds the member's snooze length and stale threshold to what it asks the host.
import '../shared/messages.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.messages
import * as options from '../shared/options.js';
import { PLATFORMS } from '../shared/platforms.js';
import * as localState from './local-state.js';
import { createQueue } from './queue.js';
import { bannerState } from './verdict.js';

const { messages } = globalThis.untrain;
const { internal, toContent, host: types, errors, nudgeActions, nudgeSources, popup, fields, limits, helperActions } = messages;
const DAY_MS = 24 * 60 * 60 * 1000;
// What the popup hands on by default: the readings, the forms and the exports, not the reminders (docs/audit-trail.md).
const HANDED_ON_KINDS = Object.freeze(['observation', 'form', 'export']);
// storage.local: the member closed the "helper not installed" line once; it stays in the popup, never in the banner again.
export const HELPER_NOTICE_KEY = 'helper-notice-dismissed';

// A host request is built from a report's own fields alone, with `type` set last: whatever else a page managed to put
// into a message (a `type: "export"` inside a nudge, an `id`) never reaches the host.
const pick = (report, { required, optional }) => Object.fromEntries([...required, ...optional]
  .filter((key) => Object.hasOwn(report, key) && report[key] !== undefined).map((key) => [key, report[key]]));
export const hostRequest = (type, report, shape, added = {}) => ({ ...pick(report, shape), ...added, type });

/**
 * extension: {id, url}, the extension's runtime.id and runtime.getURL(''). host: the host port (host-port.js).
 * storage: {get(key), set(key, value)} over storage.local. readRules(path) → Promise of the fetch Response for a file
 * of the extension. openPage(path) opens one of the extension's pages in a new tab; notifyTab(tabId, message) sends a
 * message to our content script in that tab. Returns {onMessage, queue}: onMessage is runtime.onMessage's listener (false: refused, never
 * answered; true: answered later with the result, or {error, message}); queue is the outbox of observations.
 */
export function createRouter({ extension, host, storage, readRules, openPage = async () => {}, notifyTab = async () => {},
  onStatus = null, openTab = async () => null, moveTab = async () => {}, now = () => Date.now(), warn = console.warn }) {
  const queue = createQueue({
    storage,
    // What the outbox gives back is checked again: content scripts could write storage.local where the browser does
    // not let the background keep it to itself (background.js), so an item is trusted no more than a message.
    isValid: messages.isObservation,
    send: (observation) => host.request(hostRequest(types.OBSERVE, observation, fields.observation)),
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

  // storage.local has no transactions: the local copy's read-modify-writes go one after another.
  let localLock = Promise.resolve();
  function updateLocal(change) {
    const run = localLock.then(async () => storage.set(localState.KEY, await change(await storage.get(localState.KEY))));
    localLock = run.catch((error) => warn('untrain: the local copy of the state was not updated:', error));
    return localLock;
  }

  // After anything that changes a state, the toolbar is told (background.js draws the badge); nobody waits for it.
  function changed(platform) {
    if (onStatus) status(platform, null).then(onStatus, (error) => warn('untrain: no status for the toolbar:', error));
  }

  async function observe(observation) {
    const id = await queue.add(observation);
    const { acked, refused, error, results } = await queue.flush();
    const rule = (await loadRules(observation.platform).catch(() => null))?.settings?.find((s) => s.id === observation.setting);
    // This browser keeps the last state of each setting whether or not the helper took it: without the helper it is
    // all the popup and the banner have.
    if (rule && !refused.some((r) => r.id === id)) {
      await updateLocal((stored) => localState.observe(stored, observation, { logged: acked.includes(id), privateValue: rule.private_value }));
    }
    changed(observation.platform);
    if (acked.includes(id)) return { result: 'ack', seq: results?.[id]?.seq ?? null, recorded: results?.[id]?.recorded ?? null };
    const refusal = refused.find((r) => r.id === id);
    if (refusal) return { result: 'refused', error: refusal.error.code };
    return { result: 'queued', error: error?.code ?? null };
  }

  /**
   * The banner's and popup's view of a platform: the helper's status when it is installed, else what this browser kept
   * (local-state.js). `helper` says which ('installed' or 'missing'); the helper's absence never replaces a setting's
   * state, it is a line of its own (`helperNotice`: the banner may still say it).
   */
  async function status(platform, account) {
    // Flushing first lets the verdict include observations that were waiting for the host.
    await queue.flush();
    const chosen = await options.load(storage);
    const rules = await loadRules(platform);
    const shared = { staleAfterDays: chosen.staleAfterDays, snoozeDays: chosen.snoozeDays };
    let result;
    let helper = 'installed';
    try {
      result = await host.request({ type: types.STATUS, platform, account: account ?? null, stale_after_days: chosen.staleAfterDays });
      result = localState.annotate(result, await storage.get(localState.KEY), rules);
    } catch (error) {
      if (error.code !== errors.NO_HOST) throw error;
      helper = 'missing';
      result = localState.status(await storage.get(localState.KEY), rules, { now: now(), staleAfterDays: chosen.staleAfterDays });
    }
    const helperNotice = helper === 'missing' && (await storage.get(HELPER_NOTICE_KEY)) !== true;
    return {
      ...bannerState(result, rules, { banner: chosen.banner }),
      ...shared, now: result.now, settings: result.settings, forms: result.forms ?? [], helper, helperNotice,
    };
  }

  // A snooze lasts as long as the member chose on the options page; the host keeps it, so every browser honours it.
  // Without the helper this browser keeps it ('kept').
  async function nudge(report) {
    const until = report.action === nudgeActions.SNOOZED ? { until: report.time + (await options.load(storage)).snoozeDays * DAY_MS } : {};
    try {
      const result = await host.request(hostRequest(types.NUDGE, report, fields.nudge, until));
      changed(report.platform);
      return { result: 'ack', ...result };
    } catch (error) {
      if (error.code !== errors.NO_HOST) throw error;
      await updateLocal((stored) => localState.nudge(stored, { ...report, ...until }));
      changed(report.platform);
      return { result: 'kept' };
    }
  }

  // The LinkedIn tabs whose callout asked for a confirmation: told once a form was marked, to show its date.
  const confirming = new Set();
  async function form(report) {
    let answer;
    try {
      answer = { result: 'ack', ...(await host.request(hostRequest(types.FORM, report, fields.form))) };
    } catch (error) {
      if (error.code !== errors.NO_HOST) throw error;
      // Without the helper the date is kept in this browser: shown, but in no audit trail.
      const recorded = now();
      await updateLocal((stored) => localState.form(stored, report, recorded));
      answer = { result: 'kept', recorded };
    }
    for (const tab of confirming) notifyTab(tab, { type: toContent.STATUS_CHANGED });
    confirming.clear();
    changed(report.platform);
    return answer;
  }

  // The popup's "Undo": the helper records an `undone` nudge, which lifts the setting's snooze and dismissal in every
  // browser, for the account and with the verdict the popup showed. This browser's own copy is lifted too; without the
  // helper that is all there is ('kept': lifted here, and no trail says so).
  async function undo({ platform, setting }) {
    const entry = (await status(platform, null)).settings.find((s) => s.setting === setting);
    if (!entry) throw new Error(`no setting ${setting} in the rules of ${platform}`);
    const report = {
      platform, account: entry.account ?? null, setting, action: nudgeActions.UNDONE, source: nudgeSources.POPUP,
      verdict: messages.verdicts.includes(entry.verdict) ? entry.verdict : 'unknown', time: now(),
    };
    await updateLocal((stored) => localState.nudge(stored, report));
    try {
      const result = await host.request(hostRequest(types.NUDGE, report, fields.nudge));
      return { result: 'ack', ...result };
    } catch (error) {
      if (error.code !== errors.NO_HOST) throw error;
      return { result: 'kept' };
    } finally {
      changed(platform);
    }
  }

  // "Check all": one tab that visits each page not checked yet, in turn, moving on once the page was read.
  let checking = null;
  async function checkAll({ platform }) {
    const rules = await loadRules(platform);
    const view = await status(platform, null);
    const unchecked = rules.settings.filter((rule) => !['on', 'on-by-default', 'off'].includes(view.settings.find((s) => s.setting === rule.id)?.verdict));
    const pages = [...new Set(unchecked.map((rule) => rules.origin + rule.page))];
    if (!pages.length) return { result: 'none' };
    const tab = await openTab(pages[0]);
    checking = { tab: tab?.id ?? null, pages: pages.slice(1), platform };
    return { result: 'opened', pages: pages.length };
  }
  function nextCheck(sender) {
    if (!checking || sender.tab?.id !== checking.tab) return;
    const next = checking.pages.shift();
    if (!next) {
      checking = null;
      return;
    }
    // A moment for the member to see the page's reading before the next one.
    setTimeout(() => moveTab(checking?.tab ?? sender.tab.id, next), 800);
  }

  // The "helper not installed" line: its explainer page, or closed for good in the banner.
  async function helperNotice(action) {
    if (action === helperActions.OPEN) await openPage('helper/helper.html');
    else await storage.set(HELPER_NOTICE_KEY, true);
    return { result: 'ack' };
  }

  // "I've sent it" on LinkedIn's page only opens our own page, where the member confirms: LinkedIn's page can make our
  // button transparent over a decoy, and nothing it can script may mark a form sent. The page it came from is the
  // browser's word (sender.url), not the content script's.
  async function confirmForm(message, sender) {
    const query = new URLSearchParams({ platform: message.platform, form: message.form });
    if (message.account !== null) query.set('account', message.account);
    if (sender.url.length <= limits.URL) query.set('from', sender.url);
    if (Number.isInteger(sender.tab?.id)) confirming.add(sender.tab.id);
    await openPage(`confirm/confirm.html?${query}`);
    return { result: 'opened' };
  }

  // The audit trail holds the member's accounts and pages: only the extension's own pages (the popup) may export it.
  const fromOwnPage = (sender) => typeof sender.url === 'string' && sender.url.startsWith(extension.url);

  // A content script asks for the rules of the platform whose pages it runs on.
  const platformOf = (sender) => Object.keys(PLATFORMS).find((platform) => sender.url.startsWith(PLATFORMS[platform].pages));

  function handle(message, sender) {
    switch (message.type) {
      case internal.RULES: return loadRules(message.platform ?? platformOf(sender));
      case internal.OBSERVE:
        nextCheck(sender);
        return observe(message.observation);
      case internal.UNDO:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('only the extension\'s own pages undo a snooze or dismissal'));
        return undo(message);
      case internal.CHECK_ALL:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('only the extension\'s own pages open pages in turn'));
        return checkAll(message);
      case internal.STATUS: return status(message.platform, message.account);
      case internal.NUDGE: return nudge(message.nudge);
      case internal.FORM:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('forms are marked only on the extension\'s own pages'));
        return form(message.form);
      case internal.CONFIRM_FORM: return confirmForm(message, sender);
      case internal.HELPER: return helperNotice(message.action);
      case popup.EXPORT:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('exports are only for the extension\'s own pages'));
        // The reminders are left out of what the member hands on unless they ask for the complete trail.
        return host.request(hostRequest(types.EXPORT, message, fields.exportRequest, message.complete ? {} : { kinds: HANDED_ON_KINDS }));
      case popup.EXPORT_CHUNK:
        if (!fromOwnPage(sender)) return Promise.reject(new Error('exports are only for the extension\'s own pages'));
        return host.request({ export: message.export, offset: message.offset, type: types.EXPORT_CHUNK });
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

  return { onMessage, queue, status };
}
