// The popup's list of every setting in the rules, with its state badge, its last check (and the rules version that
// read it, or that it is the member's own report) and a link to its page, and the forms that complete an opt-out with
// the date each was marked sent.
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
    return {
      id: setting.id,
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

/** One entry per form in the rules, with the date the member marked it sent (null: not yet). */
export function forms(rules, status, { t, ruleText }) {
  return (rules.forms ?? []).map((form) => {
    const sentOn = (status?.forms ?? []).find((f) => f.form === form.id)?.sent_on ?? null;
    return {
      id: form.id,
      title: ruleText(form, 'title'),
      explanation: ruleText(form, 'explanation'),
      url: form.url,
      sentOn,
      state: sentOn ? t('popupFormSent', sentOn) : t('popupFormNotSent'),
    };
  });
}

export function render(doc, list, items) {
  const make = (tag, props = {}) => Object.assign(doc.createElement(tag), props);
  list.replaceChildren(...items.map((row) => {
    const item = make('li', { className: `setting severity-${row.severity}` });
    item.dataset.setting = row.id;
    item.dataset.verdict = row.verdict;
    item.dataset.reported = String(row.reported);
    const badge = make('span', { className: `badge badge-${row.badge.kind}`, textContent: row.badge.text });
    const open = make('a', { className: 'open', href: row.href, target: '_blank', rel: 'noopener noreferrer', textContent: row.open });
    open.setAttribute('aria-label', row.openLabel);
    item.append(make('span', { className: 'title', textContent: row.title }), badge,
      make('span', { className: 'checked', textContent: row.checked }), open);
    if (row.detail) item.append(make('span', { className: 'detail', textContent: row.detail }));
    return item;
  }));
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
    const mark = make('button', { type: 'button', className: 'mark', textContent: t('popupFormMark') });
    mark.addEventListener('click', (event) => {
      if (event.isTrusted && date.value) onMark(form.id, date.value);
    });
    const actions = make('div', { className: 'actions' });
    actions.append(make('a', { href: form.url, target: '_blank', rel: 'noopener noreferrer', textContent: t('popupFormOpen') }), date, mark);
    box.append(make('span', { className: 'title', textContent: form.title }), make('span', { className: 'state', textContent: form.state }),
      make('p', { className: 'explanation', textContent: form.explanation }), actions);
    return box;
  }));
}
