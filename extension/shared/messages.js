// The one catalogue of message types: those the content script sends the background, and those the background sends the native host (docs/protocol.md).
// A classic script, so that content scripts can load it (the manifest lists it); the background's and popup's modules import it.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // Content script → background. Each has exactly one handler in background/background.js.
  const internal = Object.freeze({ RULES: 'rules', STATUS: 'status', OBSERVE: 'observe', NUDGE: 'nudge', FORM: 'form' });

  // Background → native host; the host answers exactly these (docs/protocol.md).
  const host = Object.freeze({
    HELLO: 'hello', OBSERVE: 'observe', STATUS: 'status', RULES: 'rules', NUDGE: 'nudge', FORM: 'form',
    EXPORT: 'export', EXPORT_CHUNK: 'export-chunk',
  });

  // Extension pages (the popup) → background, relayed to the host as they are. Only the extension's own pages may send
  // these, never a content script. Chunk by chunk, so that no message carries more than one host reply.
  const popup = Object.freeze({ EXPORT: 'export', EXPORT_CHUNK: 'export-chunk' });

  // The formats the popup offers (the host also makes "ndjson", for the command line).
  const exportFormats = Object.freeze(['html', 'json', 'csv']);

  const sources = Object.freeze({ PAGE_LOAD: 'page-load', USER_CHANGE: 'user-change', ASSISTED: 'assisted', MEMBER_REPORTED: 'member-reported' });

  // What the member did with a nudge, and where (docs/protocol.md, `nudge`); forms are marked from the same places.
  const nudgeActions = Object.freeze({ SHOWN: 'shown', CLICKED: 'clicked', SNOOZED: 'snoozed', DISMISSED: 'dismissed' });
  const nudgeSources = Object.freeze({ BANNER: 'banner', CALLOUT: 'callout', POPUP: 'popup' });
  const verdicts = Object.freeze(['unknown', 'stale', 'off', 'on-by-default', 'on']);

  // What the banner shows; 'off' means no banner.
  const states = Object.freeze({ ON: 'on', UNKNOWN: 'unknown', OFF: 'off', NO_HOST: 'no-host' });

  // Failures of the host connection itself, next to the host's own error codes.
  const errors = Object.freeze({
    NO_HOST: 'no-host',
    HOST_EXITED: 'host-exited',
    HOST_TIMEOUT: 'host-timeout',
    // The host's codes that mean "this request will never be accepted"; retrying them would block the queue for ever.
    REFUSED: Object.freeze(['bad_json', 'bad_request', 'unknown_type', 'unknown_setting', 'frame_too_large', 'reply_too_large', 'unknown_form']),
  });

  // The longest values the host accepts (docs/protocol.md): the one place the checks below and the content script take them from.
  const limits = Object.freeze({ URL: 2048, ID: 64, PLATFORM: 32, ACCOUNT: 128, EXPORT_ID: 64 });

  const ID = new RegExp(`^[a-z0-9-]{1,${limits.ID}}$`);
  const PLATFORM = new RegExp(`^[a-z0-9-]{1,${limits.PLATFORM}}$`);
  const EXPORT_ID = new RegExp(`^[0-9a-f]{1,${limits.EXPORT_ID}}$`);
  const isString = (v, max) => typeof v === 'string' && v.length >= 1 && v.length <= max;
  const isAccount = (v) => v === null || isString(v, limits.ACCOUNT);
  const isPlatform = (v) => typeof v === 'string' && PLATFORM.test(v);
  const isUrl = (v) => isString(v, limits.URL) && v.startsWith('https://');

  // Mirrors the host's checks so a malformed observation never enters the queue.
  function isObservation(o) {
    return typeof o === 'object' && o !== null
      && isPlatform(o.platform)
      && isAccount(o.account)
      && typeof o.setting === 'string' && ID.test(o.setting)
      && typeof o.value === 'boolean'
      && isUrl(o.url)
      && Number.isSafeInteger(o.time) && o.time > 0
      && Object.values(sources).includes(o.source);
  }

  const isOptionalUrl = (v) => v === undefined || isUrl(v);
  const isTime = (v) => Number.isSafeInteger(v) && v > 0;

  // The background adds `until` to a snooze from the member's options; nothing else is filled in.
  function isNudge(n) {
    return typeof n === 'object' && n !== null
      && isPlatform(n.platform)
      && isAccount(n.account)
      && typeof n.setting === 'string' && ID.test(n.setting)
      && Object.values(nudgeActions).includes(n.action)
      && Object.values(nudgeSources).includes(n.source)
      && verdicts.includes(n.verdict)
      && isOptionalUrl(n.url)
      && isTime(n.time);
  }

  function isForm(f) {
    return typeof f === 'object' && f !== null
      && isPlatform(f.platform)
      && isAccount(f.account)
      && typeof f.form === 'string' && ID.test(f.form)
      && typeof f.sent_on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.sent_on)
      && Object.values(nudgeSources).includes(f.source)
      && isOptionalUrl(f.url)
      && isTime(f.time);
  }

  // A message from a page is untrusted input: accept only the exact shapes the content script sends.
  function isInternal(message) {
    if (typeof message !== 'object' || message === null) return false;
    switch (message.type) {
      case internal.RULES:
        return true;
      case internal.STATUS:
        return isPlatform(message.platform)
          && (message.account === undefined || isAccount(message.account));
      case internal.OBSERVE:
        return isObservation(message.observation);
      case popup.EXPORT:
        return exportFormats.includes(message.format);
      case popup.EXPORT_CHUNK:
        return typeof message.export === 'string' && EXPORT_ID.test(message.export)
          && Number.isSafeInteger(message.offset) && message.offset >= 0;
      case internal.NUDGE:
        return isNudge(message.nudge);
      case internal.FORM:
        return isForm(message.form);
      default:
        return false;
    }
  }

  untrain.messages = Object.freeze({
    HOST_NAME: 'org.untrain.host',
    PROTOCOL: 1,
    limits,
    internal, host, sources, states, errors,
    popup, exportFormats,
    isObservation, isInternal,
    nudgeActions, nudgeSources, verdicts, isNudge, isForm,
  });
})();
