// storage.local as the background uses it: get and set by key, and kept from content scripts where the browser can.

/**
 * Keeps `area` (storage.local) to the extension's own pages and background. Content scripts never need it (the outbox
 * and the options are the background's), and one that a page subverted could otherwise rewrite the outbox. Chromium
 * lets content scripts use storage.local until told otherwise
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#method-StorageArea-setAccessLevel); Firefox
 * offers setAccessLevel on storage.session alone (https://bugzilla.mozilla.org/show_bug.cgi?id=1724754), so there its
 * content scripts keep access, and the background checks every item it reads back (queue.js) either way.
 * Resolves with true when the browser restricted it, false when it cannot.
 */
export async function restrictToExtension(area, warn = console.warn) {
  if (typeof area?.setAccessLevel !== 'function') return false;
  try {
    await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
    return true;
  } catch (error) {
    warn('untrain: storage.local stays open to content scripts:', error);
    return false;
  }
}

/** {get(key), set(key, value)} over a StorageArea, as the router and the queue use it. */
export const keyed = (area) => ({
  get: async (key) => (await area.get(key))[key],
  set: (key, value) => area.set({ [key]: value }),
});
