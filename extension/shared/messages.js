// The one catalogue of message types: those the content script sends the background, and those the background sends the native host (docs/protocol.md).
// A classic script, so that content scripts can load it (the manifest lists it); the background's and popup's modules import it.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // Content script → background. Each has exactly one handler in background/router.js. CONFIRM_FORM asks the
  // background to open the extension's own page where the member says they sent a form: LinkedIn's page may overlay or
  // script anything around our buttons there, so the form is marked only from the extension's pages (FORM).
  // HELPER: the "helper not installed" line's two actions (helperActions): open its explainer page, or close the line.
  // UNDO (the popup's "Undo" of a setting's snooze and dismissal, sent to the helper as an `undone` nudge) and CHECK_ALL
  // (open each unchecked page in turn): our pages only.
  const internal = Object.freeze({ RULES: 'rules', STATUS: 'status', OBSERVE: 'observe', NUDGE: 'nudge', FORM: 'form', CONFIRM_FORM: 'confirm-form',
    HELPER: 'helper', UNDO: 'undo', CHECK_ALL: 'check-all' });
  const helperActions = Object.freeze({ OPEN: 'open', DISMISS: 'dismiss' });

  // Background → content script: a status it should ask for again (the member confirmed a form on our own page).
  const toContent = Object.freeze({ STATUS_CHANGED: 'status-changed' });

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
  // The HTML report's languages (docs/protocol.md, `export`'s `lang`); the host refuses any other.
  const reportLanguages = Object.freeze(['en', 'de', 'fr', 'es']);
  /** The report's language for the browser's UI language ("de-AT" → "de"), or undefined when the host has none of it. */
  function reportLanguage(uiLanguage) {
    const code = typeof uiLanguage === 'string' ? uiLanguage.slice(0, 2).toLowerCase() : '';
    return reportLanguages.includes(code) ? code : undefined;
  }

  // How an observation was made: the first three are readings of the page; MEMBER_REPORTED is the member's own answer
  // ("I checked it myself: it is Off / On") when untrain could not read the page, sent only on their click on that
  // answer and never for anything read from the page. The host logs it as theirs and never as a verified reading.
  const sources = Object.freeze({ PAGE_LOAD: 'page-load', USER_CHANGE: 'user-change', ASSISTED: 'assisted', MEMBER_REPORTED: 'member-reported' });

  // What the member did with a nudge, and where (docs/protocol.md, `nudge`); forms are marked from the same places.
  // UNDONE lifts a setting's snooze and dismissal: the background sends it for the popup's UNDO, never for a NUDGE message.
  const nudgeActions = Object.freeze({ SHOWN: 'shown', CLICKED: 'clicked', SNOOZED: 'snoozed', DISMISSED: 'dismissed', UNDONE: 'undone' });
  const nudgeSources = Object.freeze({ BANNER: 'banner', CALLOUT: 'callout', POPUP: 'popup' });
  // The host's verdicts (docs/protocol.md, `status`): off-reported and on-reported rest on the member's report alone.
  const verdicts = Object.freeze(['unknown', 'stale', 'off', 'on-by-default', 'on', 'off-reported', 'on-reported']);

  // What the banner shows; 'off' means no banner.
  const states = Object.freeze({ ON: 'on', UNKNOWN: 'unknown', OFF: 'off' });

  // Failures of the host connection itself, next to the host's own error codes.
  const errors = Object.freeze({
    NO_HOST: 'no-host',
    HOST_EXITED: 'host-exited',
    HOST_TIMEOUT: 'host-timeout',
    // The host's codes that mean "this request will never be accepted"; retrying them would block the queue for ever.
    REFUSED: Object.freeze(['bad_json', 'bad_request', 'unknown_type', 'unknown_setting', 'frame_too_large', 'reply_too_large', 'unknown_form']),
  });

  // The longest values the host accepts (docs/protocol.md): the one place the checks below and the content script take them from.
  const limits = Object.freeze({ URL: 2048, ID: 64, PLATFORM: 32, EXPORT_ID: 64, ACCOUNT_MIN: 3, ACCOUNT_MAX: 100 });

  const ID = new RegExp(`^[a-z0-9-]{1,${limits.ID}}$`);
  const PLATFORM = new RegExp(`^[a-z0-9-]{1,${limits.PLATFORM}}$`);
  const EXPORT_ID = new RegExp(`^[0-9a-f]{1,${limits.EXPORT_ID}}$`);
  const isString = (v, max) => typeof v === 'string' && v.length >= 1 && v.length <= max;
  const isPlatform = (v) => typeof v === 'string' && PLATFORM.test(v);
  const isUrl = (v) => isString(v, limits.URL) && v.startsWith('https://');

  // docs/protocol.md, "The account id": LinkedIn's slug as its URL spells it. ASCII letters, digits and hyphens stand
  // for themselves; anything else is percent-encoded UTF-8 in upper-case hex, and only non-ASCII is ever escaped
  // (an escape of a byte below 0x80 would give one account two spellings). Its length is counted in characters, an
  // escaped character being one, exactly as the host counts it: neither bytes nor UTF-16 units.
  const ACCOUNT_SPELLING = /^(?:[A-Za-z0-9-]|%[89A-F][0-9A-F])+$/;
  function isAccountId(v) {
    // Each character is at most 4 escapes of 3 characters: anything longer cannot be within the limit.
    if (typeof v !== 'string' || v.length > limits.ACCOUNT_MAX * 12 || !ACCOUNT_SPELLING.test(v)) return false;
    let decoded;
    try {
      // Throws on what is not well-formed UTF-8: overlong forms, surrogates, beyond U+10FFFF, a stray byte.
      decoded = decodeURIComponent(v);
    } catch {
      return false;
    }
    const characters = [...decoded].length;
    return characters >= limits.ACCOUNT_MIN && characters <= limits.ACCOUNT_MAX;
  }
  const isAccount = (v) => v === null || isAccountId(v);

  /** The account id of a /in/<segment>/ path segment as the parsed URL gives it, or null when it breaks the rule. */
  function accountId(segment) {
    if (typeof segment !== 'string') return null;
    const id = segment.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
    return isAccountId(id) ? id : null;
  }

  // The fields of each report, required and optional: the shape checks accept no other key, and the background builds
  // each host request from these alone, so nothing a page adds (a `type`, an `id`) ever reaches the host.
  const fields = Object.freeze({
    observation: Object.freeze({ required: ['platform', 'account', 'setting', 'value', 'url', 'time', 'source'], optional: [] }),
    nudge: Object.freeze({ required: ['platform', 'account', 'setting', 'action', 'source', 'verdict', 'time'], optional: ['url'] }),
    form: Object.freeze({ required: ['platform', 'account', 'form', 'sent_on', 'source', 'time'], optional: ['url'] }),
    exportRequest: Object.freeze({ required: ['format'], optional: ['lang'] }), // the popup's export (popup.EXPORT)
  });
  const hasOnly = (o, { required, optional = [] }) => typeof o === 'object' && o !== null && !Array.isArray(o)
    && required.every((key) => Object.hasOwn(o, key))
    && Object.keys(o).every((key) => required.includes(key) || optional.includes(key));

  // Mirrors the host's checks so a malformed observation never enters the queue.
  function isObservation(o) {
    return hasOnly(o, fields.observation)
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

  // The background adds `until` to a snooze from the member's options; nothing else is filled in. An undo is not a
  // nudge a page reports: only the popup's UNDO lifts a hold.
  function isNudge(n) {
    return hasOnly(n, fields.nudge)
      && isPlatform(n.platform)
      && isAccount(n.account)
      && typeof n.setting === 'string' && ID.test(n.setting)
      && Object.values(nudgeActions).includes(n.action) && n.action !== nudgeActions.UNDONE
      && Object.values(nudgeSources).includes(n.source)
      && verdicts.includes(n.verdict)
      && isOptionalUrl(n.url)
      && isTime(n.time);
  }

  function isForm(f) {
    return hasOnly(f, fields.form)
      && isPlatform(f.platform)
      && isAccount(f.account)
      && typeof f.form === 'string' && ID.test(f.form)
      && typeof f.sent_on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.sent_on)
      && Object.values(nudgeSources).includes(f.source)
      && isOptionalUrl(f.url)
      && isTime(f.time);
  }

  // A message from a page is untrusted input: accept only the exact shapes the content script and our pages send,
  // with no key besides their own.
  const only = (message, required, optional = []) => hasOnly(message, { required: ['type', ...required], optional });
  function isInternal(message) {
    if (typeof message !== 'object' || message === null) return false;
    switch (message.type) {
      case internal.RULES:
        return only(message, [], ['platform']) && (message.platform === undefined || isPlatform(message.platform));
      case internal.STATUS:
        return only(message, ['platform'], ['account']) && isPlatform(message.platform)
          && (message.account === undefined || isAccount(message.account));
      case internal.OBSERVE:
        return only(message, ['observation']) && isObservation(message.observation);
      case popup.EXPORT:
        // `complete` (the popup's "complete trail") is the background's to act on; it never reaches the host.
        return only(message, fields.exportRequest.required, [...fields.exportRequest.optional, 'complete'])
          && exportFormats.includes(message.format)
          && (message.lang === undefined || reportLanguages.includes(message.lang))
          && (message.complete === undefined || message.complete === true);
      case popup.EXPORT_CHUNK:
        return only(message, ['export', 'offset']) && typeof message.export === 'string' && EXPORT_ID.test(message.export)
          && Number.isSafeInteger(message.offset) && message.offset >= 0;
      case internal.NUDGE:
        return only(message, ['nudge']) && isNudge(message.nudge);
      case internal.FORM:
        return only(message, ['form']) && isForm(message.form);
      case internal.UNDO:
        return only(message, ['platform', 'setting']) && isPlatform(message.platform) && typeof message.setting === 'string' && ID.test(message.setting);
      case internal.CHECK_ALL:
        return only(message, ['platform']) && isPlatform(message.platform);
      case internal.HELPER:
        return only(message, ['action']) && Object.values(helperActions).includes(message.action);
      case internal.CONFIRM_FORM:
        return only(message, ['platform', 'account', 'form']) && isPlatform(message.platform) && isAccount(message.account)
          && typeof message.form === 'string' && ID.test(message.form);
      default:
        return false;
    }
  }

  untrain.messages = Object.freeze({
    HOST_NAME: 'org.untrain.host',
    PROTOCOL: 1,
    limits,
    internal, toContent, host, sources, states, errors,
    popup, exportFormats, reportLanguages, reportLanguage,
    isObservation, isInternal, fields, isAccountId, accountId,
    nudgeActions, nudgeSources, verdicts, isNudge, isForm, helperActions,
  });
})();
