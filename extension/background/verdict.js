// Turns the host's status reply into the one state the banner shows, so every page agrees on what to say.

// Stale counts as unknown: the last look is too old to say what LinkedIn does now. A member who checked the setting
// themselves and said it is Off is not nagged about it (the popup still says it is their word, not untrain's reading);
// one who said it is On is, as for a reading. Any verdict not named here is unknown, never off.
const STATE_OF_VERDICT = {
  'on': 'on', 'on-by-default': 'on', 'unknown': 'unknown', 'stale': 'unknown', 'off': 'off',
  'off-reported': 'off', 'on-reported': 'on',
};
const RANK = { on: 2, unknown: 1, off: 0 };

/**
 * result: the host's status result; rules: the platform's rules file; options: the member's ({banner}).
 * Returns {state, verdict, setting, account, held}: the most alarming bannered setting that the member has not
 * held back, and when every such setting is held back, state 'off' with why ('snoozed', 'dismissed', 'disabled').
 */
export function bannerState(result, rules, { banner = true } = {}) {
  const bannered = new Set(rules.settings.filter((s) => s.banner).map((s) => s.id));
  let worst = { state: 'off', verdict: 'off', setting: null, account: null };
  let held = null;
  for (const id of bannered) {
    const entry = (result?.settings ?? []).find((s) => s.setting === id);
    // A setting the host does not report has never been seen by it.
    const verdict = entry?.verdict ?? 'unknown';
    const state = Object.hasOwn(STATE_OF_VERDICT, verdict) ? STATE_OF_VERDICT[verdict] : 'unknown';
    if (state !== 'off') {
      const reason = !banner ? 'disabled' : entry?.nudge?.dismissed ? 'dismissed' : entry?.nudge?.snoozed_until ? 'snoozed' : null;
      if (reason) {
        held ??= reason;
        continue;
      }
    }
    if (worst.setting === null || RANK[state] > RANK[worst.state]) worst = { state, verdict, setting: id, account: entry?.account ?? null };
  }
  return { ...worst, held: worst.state === 'off' ? held : null };
}
