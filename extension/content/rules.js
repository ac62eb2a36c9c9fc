// Tells which of a platform's settings, if any, live on the page at a given path.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // LinkedIn links the same page with and without a trailing slash, and with tracking queries.
  function normalizePath(path) {
    const bare = String(path).split(/[?#]/)[0].replace(/\/+$/, '');
    return bare === '' ? '/' : bare;
  }

  /** Returns the settings whose page is this path, in the rules' order: none, one, or several sharing one page. */
  function settingsForPath(rules, path) {
    const here = normalizePath(path);
    return rules.settings.filter((setting) => normalizePath(setting.page) === here);
  }

  untrain.rules = { normalizePath, settingsForPath };
})();
