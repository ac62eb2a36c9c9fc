// The member's choices from the options page: how long "Remind me later" lasts, when a last check counts as stale,
// whether the banner shows at all, and whether a browser notification says a setting is On again (off by default; the
// options page asks for the `notifications` permission when the member switches it on). Kept in storage.local; read by
// the background, written by the options page.

export const KEY = 'options';
export const SNOOZE_DAYS = Object.freeze([1, 7]);
export const DEFAULTS = Object.freeze({ snoozeDays: 1, staleAfterDays: 30, banner: true, notifyOnAgain: false });

/** Whatever was stored (or typed), made into valid options: anything out of range falls back to its default. */
export function normalize(raw) {
  const given = typeof raw === 'object' && raw !== null ? raw : {};
  const stale = Number(given.staleAfterDays);
  return {
    snoozeDays: SNOOZE_DAYS.includes(Number(given.snoozeDays)) ? Number(given.snoozeDays) : DEFAULTS.snoozeDays,
    staleAfterDays: Number.isInteger(stale) && stale >= 1 && stale <= 3650 ? stale : DEFAULTS.staleAfterDays,
    banner: typeof given.banner === 'boolean' ? given.banner : DEFAULTS.banner,
    notifyOnAgain: typeof given.notifyOnAgain === 'boolean' ? given.notifyOnAgain : DEFAULTS.notifyOnAgain,
  };
}

/** storage: {get(key), set(key, value)} as the background wraps storage.local. */
export const load = async (storage) => normalize(await storage.get(KEY));
export const save = async (storage, options) => {
  const clean = normalize(options);
  await storage.set(KEY, clean);
  return clean;
};
