// The optional browser notification "On again": when a setting untrain had read Off is read On again, once per
// return, and only when the member switched the option on (options page) and the browser granted `notifications`.

export const KEY = 'on-again-announced';
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v) => Number.isSafeInteger(v) && v > 0;

/**
 * Which settings of `status` (the router's status: the host's shape with `on_again` beside each entry) are On again
 * and not yet announced. `announced` is what was stored ({"platform:setting": off_since}); a setting that is no longer
 * On again is forgotten, so its next return is announced again. Only a verdict of "on" counts: untrain's own reading,
 * never a member's report, a stale one or an unknown. Returns {notices: [{id, setting, title, message, url}], announced}.
 */
export function announcements(status, rules, announced, { t, ruleText = (rule, part) => rule[part], formatDate = String }) {
  const before = isObject(announced) ? announced : {};
  // A status without settings (the background had no answer) says nothing about what is On again.
  if (!Array.isArray(status?.settings)) return { notices: [], announced: before };
  const after = {};
  const notices = [];
  for (const entry of status?.settings ?? []) {
    const rule = (rules.settings ?? []).find((r) => r.id === entry?.setting);
    if (!rule) continue;
    const key = `${rules.platform}:${rule.id}`;
    const since = entry.verdict === 'on' && isTime(entry.on_again?.off_since) ? entry.on_again.off_since : null;
    if (since === null) continue;
    after[key] = since;
    if (before[key] === since) continue;
    notices.push({
      id: `on-again:${key}`,
      setting: rule.id,
      title: t('notifyOnAgainTitle', ruleText(rule, 'title')),
      message: t(entry.on_again.logged ? 'onAgainLogged' : 'onAgainKept', formatDate(since)),
      url: rules.origin + rule.page,
    });
  }
  // Other platforms' memories are kept as they are.
  for (const [key, since] of Object.entries(before)) if (!key.startsWith(`${rules.platform}:`)) after[key] = since;
  return { notices, announced: after };
}

/**
 * storage: {get, set} over storage.local. loadOptions() → the member's options. notifier() → the browser's
 * `notifications` namespace when the permission is granted, else null (nothing is shown then). iconUrl: the extension's
 * icon. Returns announce(status, rules), which shows what is new; calls run one after another, so that two statuses
 * arriving together never announce the same return twice.
 */
export function createAnnouncer({ storage, loadOptions, notifier, iconUrl, t, ruleText, formatDate, warn = console.warn }) {
  let last = Promise.resolve();
  async function run(status, rules) {
    const { notices, announced } = announcements(status, rules, await storage.get(KEY), { t, ruleText, formatDate });
    // Kept even while the option is off: switching it on later announces the next return, not one the member saw.
    await storage.set(KEY, announced);
    if (!notices.length || !(await loadOptions()).notifyOnAgain) return [];
    const notifications = await notifier();
    if (!notifications) return [];
    for (const notice of notices) {
      await notifications.create(notice.id, { type: 'basic', iconUrl, title: notice.title, message: notice.message });
    }
    return notices;
  }
  return function announce(status, rules) {
    const done = last.then(() => run(status, rules));
    last = done.catch((error) => warn('untrain: no On-again notification:', error));
    return done;
  };
}
