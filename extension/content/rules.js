// Tells which of a platform's settings, if any, lives on the page at a given path.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // LinkedIn links the same page with and without a trailing slash, and with tracking queries.
  function normalizePath(path) {
    const bare = String(path).split(/[?#]/)[0].replace(/\/+$/, '');
    return bare === '' ? '/' : bare;
  }

  /** Returns the setting whose page is this path, or null. */
  function settingForPath(rules, path) {
    const here = normalizePath(path);
    return rules.settings.find((setting) => normalizePath(setting.page) === here) ?? null;
  }

  untrain.rules = { normalizePath, settingForPath };
})();
