// The member's language for every text untrain shows: messages come from _locales through the browser's i18n API.
// A classic script, so that content scripts can load it (the manifest lists it); the popup's and options page's modules import it.
(() => {
  const untrain = (globalThis.untrain ??= {});
  const api = () => globalThis.browser ?? globalThis.chrome;

  /** The message `key` with its placeholders filled from `substitutions`; the key itself when there is no such message, so a gap shows. */
  function t(key, ...substitutions) {
    const text = api()?.i18n?.getMessage(key, substitutions.map(String));
    return text || key;
  }

  // Message names allow letters, digits and '_' only; setting ids use '-'.
  const keyOf = (id, part) => `rule_${id.replaceAll('-', '_')}_${part}`;

  /**
   * A setting's or form's title or explanation in the member's language. English is the rules file itself (the one
   * description of each setting), so _locales/en carries no copy; other languages translate it there.
   */
  function ruleText(rule, part) {
    const text = api()?.i18n?.getMessage(keyOf(rule.id, part));
    return text || rule[part];
  }

  /** The browser's UI language, for dates. */
  const language = () => api()?.i18n?.getUILanguage?.() ?? 'en';

  /** The member's own calendar date as YYYY-MM-DD: what they mean by "I sent it today". */
  const localDate = (date = new Date()) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

  /**
   * The one way untrain writes a date: the browser's language and Intl's medium date (e.g. "29 Nov 2026", "Nov 29,
   * 2026", "29.11.2026"). Takes ms since 1970 or a calendar date YYYY-MM-DD (a form's sent_on), read as that day.
   */
  function date(when) {
    const day = typeof when === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(when) ? new Date(`${when}T12:00:00`) : new Date(when);
    return Number.isNaN(day.getTime()) ? String(when) : new Intl.DateTimeFormat(language(), { dateStyle: 'medium' }).format(day);
  }
  /** A time of day, in the browser's language (what the callout says when it logged something). */
  const time = (ms) => new Intl.DateTimeFormat(language(), { timeStyle: 'medium' }).format(ms);
  /** A date with its time, for the rare line that needs both. */
  const dateTime = (ms) => `${date(ms)}, ${new Intl.DateTimeFormat(language(), { timeStyle: 'short' }).format(ms)}`;

  untrain.i18n = { t, ruleText, keyOf, language, localDate, date, time, dateTime };
})();
