// What the toolbar button shows: the worst state among the managed settings as a badge (a mark while AI training, or
// any setting untrain read, is On or unknown; a check once everything is Off), and a tooltip that says it in words.

const RANK = { on: 2, unknown: 1, off: 0 };
const STATE_OF_VERDICT = { 'on': 'on', 'on-by-default': 'on', 'on-reported': 'on', 'off': 'off', 'off-reported': 'off' };
export const LOOK = Object.freeze({
  on: Object.freeze({ text: '!', color: '#b3261e' }),
  unknown: Object.freeze({ text: '?', color: '#56687a' }),
  off: Object.freeze({ text: '✓', color: '#057642' }),
});

/**
 * status: the background's status view (router.js: settings with verdicts, helper); rules: the platform's rules;
 * t, ruleText: the i18n lookups. Returns {state, setting, text, color, title}. A setting counts when the rules have it
 * banner (AI training: never checked is unknown, never Off) or when it was read On; any verdict not known is unknown.
 */
export function badge(status, rules, { t, ruleText }) {
  let worst = { state: 'off', rule: null };
  for (const rule of rules.settings) {
    const entry = (status?.settings ?? []).find((s) => s.setting === rule.id);
    const state = STATE_OF_VERDICT[entry?.verdict] ?? 'unknown';
    const counts = rule.banner || state === 'on';
    if (counts && (worst.rule === null || RANK[state] > RANK[worst.state])) worst = { state, rule };
  }
  const name = worst.rule ? ruleText(worst.rule, 'title') : '';
  const key = { on: 'toolbarOn', unknown: 'toolbarUnknown', off: 'toolbarOff' }[worst.state];
  const lines = [t(key, name)];
  if (status?.helper === 'missing') lines.push(t('toolbarNoHelper'));
  return { state: worst.state, setting: worst.rule?.id ?? null, ...LOOK[worst.state], title: lines.join('\n') };
}
