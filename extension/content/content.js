// Wires the content-script modules together on each LinkedIn page: the banner everywhere, the toggle on a setting's own page.
(() => {
  const { messages: { internal }, rules, page, banner, watch, visit } = globalThis.untrain;
  const api = globalThis.browser ?? globalThis.chrome;
  const ask = (message) => api.runtime.sendMessage(message).catch(() => null);
  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    const status = await ask({ type: internal.STATUS, platform: 'linkedin', account: page.account(document) });
    // Only the latest answer counts; and a logged-out page has no member to warn.
    if (mine === asked && status && page.isLoggedIn(document)) banner.show(document, status);
  };
  const report = async (observation) => (await ask({ type: internal.OBSERVE, observation }))?.result === 'ack' && refresh();
  let path = null;
  let current = null;
  const arrive = async () => {
    refresh();
    const all = await ask({ type: internal.RULES });
    if (!all?.settings || rules.normalizePath(location.pathname) === path) return;
    path = rules.normalizePath(location.pathname);
    current?.stop();
    const setting = rules.settingForPath(all, path);
    current = setting ? visit.start({ platform: all.platform, setting, report }) : null;
  };
  arrive();
  watch.navigations(arrive);
})();
