// The last state of each setting as this browser saw it, kept in storage.local, so that untrain works before and
// without its helper: the banner, the callout, the popup and the toolbar read it when the helper is not installed, and
// it remembers a switch-off the helper's status cannot date ("On again"). The helper's trail stays the proof; this is
// a convenience copy, never sent anywhere.

export const KEY = 'local-state';
const DAY_MS = 24 * 60 * 60 * 1000;

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v) => Number.isSafeInteger(v) && v > 0;

/** Whatever was stored, made into {settings: {id: entry}, nudges: {id: hold}, forms: {id: mark}} for one platform. */
function platformPart(stored, platform) {
  const part = isObject(stored) && isObject(stored[platform]) ? stored[platform] : {};
  return {
    settings: isObject(part.settings) ? { ...part.settings } : {},
    nudges: isObject(part.nudges) ? { ...part.nudges } : {},
    forms: isObject(part.forms) ? { ...part.forms } : {},
  };
}

const withPart = (stored, platform, part) => ({ ...(isObject(stored) ? stored : {}), [platform]: part });

/**
 * The stored state after one observation (docs/protocol.md, `observe`); logged: whether the helper acknowledged it.
 * A reading of On that follows a reading of Off, by a page load rather than the member's own flip that untrain saw,
 * is "On again": it keeps when the setting had been switched off, and whether that was logged, until Off is read again.
 */
export function observe(stored, observation, { logged = false, privateValue = false } = {}) {
  const { platform, setting, value, time, source, account } = observation;
  const part = platformPart(stored, platform);
  const before = isObject(part.settings[setting]) ? part.settings[setting] : null;
  const off = value === privateValue;
  const changed = before !== null && before.value !== value;
  const entry = {
    account: account ?? before?.account ?? null,
    value,
    source,
    first_seen: before?.first_seen ?? time,
    first_value: before?.first_value ?? value,
    last_checked: time,
    last_changed: changed ? time : (before?.last_changed ?? null),
    // When the current run of Off began (the date "On again" names), and whether the helper logged that reading.
    off_since: off ? (before?.value === value && isTime(before?.off_since) ? before.off_since : time) : null,
    off_logged: off ? (before?.value === value ? Boolean(before?.off_logged) || logged : logged) : false,
    on_again: null,
  };
  if (!off) {
    if (before && before.value === privateValue && isTime(before.off_since) && source !== 'user-change') {
      entry.on_again = { off_since: before.off_since, logged: Boolean(before.off_logged) };
    } else if (before && before.value === value && source !== 'user-change') {
      entry.on_again = before.on_again ?? null;
    }
  }
  part.settings[setting] = entry;
  return withPart(stored, platform, part);
}

/** The stored state after a nudge the helper could not take: a snooze or a dismissal holds in this browser; an undo lifts both. */
export function nudge(stored, report) {
  const part = platformPart(stored, report.platform);
  const hold = isObject(part.nudges[report.setting]) ? { ...part.nudges[report.setting] } : {};
  if (report.action === 'snoozed' && isTime(report.until)) hold.snoozed_until = report.until;
  else if (report.action === 'dismissed') hold.dismissed_verdict = report.verdict;
  else if (report.action === 'undone') Object.assign(hold, { snoozed_until: null, dismissed_verdict: null });
  else return stored;
  part.nudges[report.setting] = hold;
  return withPart(stored, report.platform, part);
}

/** The stored state after the member marked a form sent while the helper could not take it. */
export function form(stored, report, recorded) {
  const part = platformPart(stored, report.platform);
  part.forms[report.form] = { sent_on: report.sent_on, recorded, account: report.account ?? null };
  return withPart(stored, report.platform, part);
}

/** The host's verdict rules (docs/protocol.md, `status`), applied to a stored entry. */
export function verdictOf(entry, { now, staleAfterDays = 30, privateValue = false }) {
  if (!entry || !isTime(entry.last_checked)) return 'unknown';
  if (now - entry.last_checked > staleAfterDays * DAY_MS) return 'stale';
  const off = entry.value === privateValue;
  if (entry.source === 'member-reported') return off ? 'off-reported' : 'on-reported';
  if (off) return 'off';
  if (entry.first_value === entry.value && entry.last_changed === null) return 'on-by-default';
  return 'on';
}

/**
 * A status result in the host's shape (docs/protocol.md, `status`) from what this browser kept: one entry per setting
 * in the rules' order, with `on_again` ({off_since, logged} or null) beside the host's fields; `kept: 'browser'` says
 * where it came from.
 */
export function status(stored, rules, { now, staleAfterDays = 30 }) {
  const part = platformPart(stored, rules.platform);
  const settings = rules.settings.map((rule) => {
    const entry = isObject(part.settings[rule.id]) ? part.settings[rule.id] : null;
    const verdict = verdictOf(entry, { now, staleAfterDays, privateValue: rule.private_value });
    const hold = isObject(part.nudges[rule.id]) ? part.nudges[rule.id] : {};
    const snoozed = isTime(hold.snoozed_until) && hold.snoozed_until > now ? hold.snoozed_until : null;
    const verified = entry ? entry.source !== 'member-reported' : null;
    return {
      setting: rule.id,
      account: entry?.account ?? null,
      value: entry?.value ?? null,
      verdict,
      first_seen: entry?.first_seen ?? null,
      last_checked: entry?.last_checked ?? null,
      last_changed: entry?.last_changed ?? null,
      source: entry?.source ?? null,
      rules_version: entry ? rules.version : null,
      verified,
      last_verified: entry && verified ? { value: entry.value, time: entry.last_checked, rules_version: rules.version } : null,
      nudge: { snoozed_until: snoozed, dismissed: typeof hold.dismissed_verdict === 'string' && hold.dismissed_verdict === verdict },
      on_again: entry?.on_again ?? null,
      off_since: entry?.off_since ?? null,
      kept: 'browser',
    };
  });
  const forms = (rules.forms ?? []).map((f) => {
    const mark = isObject(part.forms[f.id]) ? part.forms[f.id] : null;
    return { form: f.id, account: mark?.account ?? null, sent_on: mark?.sent_on ?? null, recorded: mark?.recorded ?? null, kept: 'browser' };
  });
  return { platform: rules.platform, now, stale_after_days: staleAfterDays, settings, forms };
}

/**
 * The helper's status with what only this browser knows added to each entry: `on_again` and `off_since` (the host's
 * status says when a value changed, not when the run of Off it ended began), taken only for the same account.
 */
export function annotate(result, stored, rules) {
  const part = platformPart(stored, rules.platform);
  return {
    ...result,
    settings: (result?.settings ?? []).map((entry) => {
      const mine = isObject(part.settings[entry.setting]) ? part.settings[entry.setting] : null;
      const same = mine && (entry.account === null || mine.account === null || mine.account === entry.account) && mine.value === entry.value;
      return { ...entry, on_again: same ? mine.on_again ?? null : null, off_since: same ? mine.off_since ?? null : null };
    }),
  };
}
