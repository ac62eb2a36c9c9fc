// The popup's list of every setting in the rules, grouped (AI, data sharing, ads, cookies), with its state badge, its
// last check (and the rules version that read it, or that it is the member's own report), a link to its page, its
// snooze or dismissal with Undo, and the forms that complete an opt-out with the date each was marked sent.
const BADGES = {
  'on-by-default': { kind: 'on', key: 'badgeOnByDefault' },
  'on': { kind: 'on', key: 'badgeOn' },
  'off': { kind: 'off', key: 'badgeOff' },
  'stale': { kind: 'unknown', key: 'badgeStale' },
  'unknown': { kind: 'unknown', key: 'badgeUnknown' },
  // The member's word: drawn apart from untrain's readings, never as a plain Off.
  'off-reported': { kind: 'reported', key: 'badgeOffReported' },
  'on-reported': { kind: 'reported', key: 'badgeOnReported' },
};

const isTime = (v) => Number.isSafeInteger(v);
const isVersion = (v) => typeof v === 'string' && v.length > 0;

/**
 * What the entry's value rests on: {reported, checked, detail}. A member's report says so, with what untrain last read
 * itself; a reading names the rules version that read it. An entry from a host that predates member reports (no
 * `verified`) is a reading, as every value then was.
 */
function basis(entry, { t, formatDate }) {
  if (!isTime(entry?.last_checked)) return { reported: false, checked: t('popupNeverChecked'), detail: '' };
  const withRules = (text, version) => (isVersion(version) ? t('popupReadWithRules', text, version) : text);
  if (entry.verified === false) {
    const read = entry.last_verified;
    const detail = read && isTime(read.time)
      ? withRules(t(read.value ? 'popupLastReadOn' : 'popupLastReadOff', formatDate(read.time)), read.rules_version)
      : t('popupNeverRead');
    return { reported: true, checked: t('popupReported', formatDate(entry.last_checked)), detail };
  }
  return { reported: false, checked: withRules(t('popupChecked', formatDate(entry.last_checked)), entry.rules_version), detail: '' };
}

/**
 * One row per setting, in the rules' order. status: the background's status answer (null when there is none: every
 * setting is then unknown, never Off). helpers: {t, ruleText, formatDate(ms)}.
 */
export function rows(rules, status, { t, ruleText, formatDate }) {
  return rules.settings.map((setting) => {
    const entry = (status?.settings ?? []).find((s) => s.setting === setting.id);
    const verdict = Object.hasOwn(BADGES, entry?.verdict ?? '') ? entry.verdict : 'unknown';
    const title = ruleText(setting, 'title');
    const { reported, checked, detail } = basis(entry, { t, formatDate });
    const snoozed = isTime(entry?.nudge?.snoozed_until) ? entry.nudge.snoozed_until : null;
    const hold = entry?.nudge?.dismissed ? { kind: 'dismissed', text: t('popupDismissed') }
      : snoozed ? { kind: 'snoozed', text: t('popupSnoozedUntil', formatDate(snoozed)) } : null;
    const again = verdict === 'on' && entry?.on_again && isTime(entry.on_again.off_since)
      ? t(entry.on_again.logged ? 'onAgainLogged' : 'onAgainKept', formatDate(entry.on_again.off_since)) : '';
    return {
      id: setting.id,
      category: setting.category,
      hold,
      again,
      title,
      verdict,
      severity: setting.severity,
      badge: { kind: BADGES[verdict].kind, text: t(BADGES[verdict].key) },
      reported,
      checked,
      detail,
      rulesVersion: isVersion(entry?.rules_version) ? entry.rules_version : null,
      href: rules.origin + setting.page,
      open: t('popupOpen'),
      openLabel: t('popupOpenLabel', title),
    };
  });
}

// The popup's groups, each of the rules' categories in one of them.
export const GROUPS = Object.freeze([
  { id: 'ai', categories: ['ai'], key: 'popupGroupAi' },
  { id: 'sharing', categories: ['data-sharing', 'research', 'marketing'], key: 'popupGroupSharing' },
  { id: 'ads', categories: ['advertising'], key: 'popupGroupAds' },
  { id: 'cookies', categories: ['cookies'], key: 'popupGroupCookies' },
]);
const SEVERITY = { on: 3, unknown: 2, reported: 1, off: 0 };

/** The rows in GROUPS' order, each group with its title and a summary of its worst state (a row of no group goes last). */
export function groups(items, { t }) {
  const placed = GROUPS.map((group) => ({ id: group.id, title: t(group.key), rows: items.filter((row) => group.categories.includes(row.category)) }));
  const rest = items.filter((row) => !GROUPS.some((group) => group.categories.includes(row.category)));
  if (rest.length) placed.push({ id: 'other', title: t('popupGroupOther'), rows: rest });
  return placed.filter((group) => group.rows.length).map((group) => {
    const worst = group.rows.reduce((w, row) => (SEVERITY[row.badge.kind] > SEVERITY[w.badge.kind] ? row : w));
    const on = group.rows.filter((row) => row.badge.kind === 'on').length;
    const unknown = group.rows.filter((row) => row.badge.kind === 'unknown').length;
    const summary = on ? t('popupGroupOn', on) : unknown ? t('popupGroupUnknown', unknown) : t('popupGroupOff');
    return { ...group, kind: worst.badge.kind, summary };
  });
}

/**
 * The popup's first line: the AI-training setting's state and since when, and the objection form's date, e.g.
 * "AI training: Off since 29 Nov 2026 · objection form sent 12 Nov 2026".
 */
export function headline(rules, status, { t, formatDate }) {
  const rule = rules.settings.find((s) => s.banner) ?? rules.settings[0];
  const entry = (status?.settings ?? []).find((s) => s.setting === rule.id);
  const kind = BADGES[entry?.verdict ?? '']?.kind ?? 'unknown';
  let state;
  if (kind === 'off') {
    const since = isTime(entry.off_since) ? entry.off_since : isTime(entry.last_changed) ? entry.last_changed : entry.first_seen;
    state = isTime(since) ? t('headlineOffSince', formatDate(since)) : t('headlineOff');
  } else if (kind === 'on') state = entry?.on_again ? t('headlineOnAgain') : t('headlineOn');
  else if (kind === 'reported') state = t(entry.verdict === 'off-reported' ? 'headlineOffReported' : 'headlineOnReported');
  else state = t('headlineUnknown');
  const form = (rules.forms ?? []).find((f) => (f.settings ?? []).includes(rule.id));
  const sentOn = form ? (status?.forms ?? []).find((f) => f.form === form.id)?.sent_on ?? null : null;
  const parts = [state];
  if (form) parts.push(sentOn ? t('headlineFormSent', formatDate(sentOn)) : t('headlineFormNotSent'));
  return { kind, text: parts.join(' · ') };
}

/** One entry per form in the rules, with the date the member marked it sent (null: not yet). */
export function forms(rules, status, { t, ruleText, formatDate = String }) {
  return (rules.forms ?? []).map((form) => {
    const sentOn = (status?.forms ?? []).find((f) => f.form === form.id)?.sent_on ?? null;
    return {
      id: form.id,
      title: ruleText(form, 'title'),
      explanation: ruleText(form, 'explanation'),
      url: form.url,
      sentOn,
      state: sentOn ? t('popupFormSent', formatDate(sentOn)) : t('popupFormNotSent'),
      kept: (status?.forms ?? []).find((f) => f.form === form.id)?.kept === 'browser',
    };
  });
}

/**
 * Draws the groups into `container`: the AI group open, the others folded to one line each (so the popup usually fits
 * in 600 px; unfolded, it scrolls inside them, popup.css). onUndo(settingId) is called for the member's click on a snooze's or dismissal's Undo.
 */
export function render(doc, container, grouped, { t, onUndo = () => {} } = {}) {
  const make = (tag, props = {}) => Object.assign(doc.createElement(tag), props);
  container.replaceChildren(...grouped.map((group) => {
    const details = make('details', { className: `group group-${group.kind}`, open: group.id === 'ai' });
    details.dataset.group = group.id;
    const summary = make('summary');
    summary.append(make('span', { className: 'group-title', textContent: group.title }),
      make('span', { className: `group-summary badge badge-${group.kind}`, textContent: group.summary }));
    const list = make('ul', { className: 'settings-list' });
    list.append(...group.rows.map((row) => item(doc, row, { t, onUndo })));
    details.append(summary, list);
    return details;
  }));
}

function item(doc, row, { t, onUndo }) {
  const make = (tag, props = {}) => Object.assign(doc.createElement(tag), props);
  const li = make('li', { className: `setting severity-${row.severity}` });
  li.dataset.setting = row.id;
  li.dataset.verdict = row.verdict;
  li.dataset.reported = String(row.reported);
  const badge = make('span', { className: `badge badge-${row.badge.kind}`, textContent: row.badge.text });
  const open = make('a', { className: 'open', href: row.href, target: '_blank', rel: 'noopener noreferrer', textContent: row.open });
  open.setAttribute('aria-label', row.openLabel);
  li.append(make('span', { className: 'title', textContent: row.title }), badge,
    make('span', { className: 'checked', textContent: row.checked }), open);
  if (row.again) li.append(make('span', { className: 'again', textContent: row.again }));
  if (row.detail) li.append(make('span', { className: 'detail', textContent: row.detail }));
  if (row.hold) {
    const hold = make('span', { className: 'hold' });
    hold.dataset.hold = row.hold.kind;
    const undo = make('button', { type: 'button', className: 'undo link', textContent: t('popupUndo') });
    undo.setAttribute('aria-label', t('popupUndoLabel', row.title));
    undo.addEventListener('click', (event) => {
      if (event.isTrusted) onUndo(row.id);
    });
    hold.append(make('span', { textContent: row.hold.text }), undo);
    li.append(hold);
  }
  return li;
}

/** onMark(formId, date) is called when the member marks a form sent on a date (YYYY-MM-DD). */
export function renderForms(doc, container, items, { t, today, onMark }) {
  const make = (tag, props = {}) => Object.assign(doc.createElement(tag), props);
  container.replaceChildren(...items.map((form) => {
    const box = make('div', { className: 'form' });
    box.dataset.form = form.id;
    box.dataset.sent = String(Boolean(form.sentOn));
    const date = make('input', { type: 'date', value: today, max: today, required: true });
    date.setAttribute('aria-label', t('popupFormDate'));
    // Once marked, the same controls correct the date (the latest mark is the one that counts, docs/protocol.md).
    const mark = make('button', { type: 'button', className: 'mark', textContent: t(form.sentOn ? 'popupFormCorrect' : 'popupFormMark') });
    mark.addEventListener('click', (event) => {
      if (event.isTrusted && date.value) onMark(form.id, date.value);
    });
    const actions = make('div', { className: 'actions' });
    actions.append(make('a', { href: form.url, target: '_blank', rel: 'noopener noreferrer', textContent: t('popupFormOpen') }), date, mark);
    box.append(make('span', { className: 'title', textContent: form.title }), make('span', { className: 'state', textContent: form.state }));
    if (form.kept) box.append(make('span', { className: 'kept', textContent: t('popupKeptInBrowser') }));
    box.append(make('p', { className: 'explanation', textContent: form.explanation }), actions);
    return box;
  }));
}
