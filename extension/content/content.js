// Wires the content-script modules together on each LinkedIn page: the banner everywhere, the callout on a setting's own page.
(() => {
  const { messages: { internal, toContent, nudgeSources }, rules, page, banner, watch, nudges, settingPage, fallback, i18n, skip: skipLink } = globalThis.untrain;
  const api = globalThis.browser ?? globalThis.chrome;
  const ask = (message) => api.runtime.sendMessage(message).catch(() => null);
  const log = nudges.create({ send: (nudge) => ask({ type: internal.NUDGE, nudge }) });
  const allRules = ask({ type: internal.RULES });
  // The first thing the keyboard reaches on the page: a link to untrain's banner or callout, whichever is shown.
  const skip = skipLink.create(document, { t: i18n.t });
  // Every message names the platform as its rules file does.
  let platform = null;
  allRules.then((all) => { platform = all?.platform ?? null; });
  const aboutBanner = (view) => ({ platform, account: view.account, setting: view.setting, source: nudgeSources.BANNER, verdict: view.verdict });
  const on = {
    review: (v) => log.clicked(aboutBanner(v)), snooze: (v) => log.snoozed(aboutBanner(v)), dismiss: (v) => log.dismissed(aboutBanner(v)),
    // The helper's line: its explainer page (the background opens it: a web page may not open ours), or closed for good.
    helper: (action) => ask({ type: internal.HELPER, action }).then(() => action === 'dismiss' && refresh()),
  };

  let latest = null;
  let asked = 0;
  // A logged-out page has no member to warn. On the setting's own page the callout speaks instead of the banner, never
  // both; until it shows (or when the switch cannot be read) the banner says what the callout would.
  const showBanner = async () => {
    const all = await allRules;
    if (!latest || !page.isLoggedIn(document)) return;
    if (current?.covers(latest.setting)) {
      banner.hide();
      skip.update();
      return;
    }
    const view = banner.show(document, latest, { rules: all, t: i18n.t, on, unreadable: current?.unreadable(latest.setting) ?? null, date: i18n.date });
    if (view?.setting) log.shown(aboutBanner(view));
    skip.update();
  };
  const refresh = async () => {
    const mine = ++asked;
    const account = page.account(document);
    const all = await allRules;
    const status = all?.platform ? await ask({ type: internal.STATUS, platform: all.platform, account }) : null;
    // Only the latest answer counts.
    if (mine !== asked || !status || status.error) return;
    latest = status;
    current?.statusChanged();
    showBanner();
  };
  const logged = (type, key) => async (item) => {
    const answer = await ask({ type, [key]: item });
    // Logged by the helper, or kept in this browser until it is installed: either way the state is new.
    if (['ack', 'queued', 'kept'].includes(answer?.result)) refresh();
    return answer;
  };
  const report = logged(internal.OBSERVE, 'observation');
  const confirmForm = (form) => ask({ type: internal.CONFIRM_FORM, ...form });
  // The background says when the member confirmed a form on our own page: the callout then shows its date.
  api.runtime.onMessage.addListener((message) => {
    if (message?.type === toContent.STATUS_CHANGED) refresh();
  });

  let path = null;
  let current = null;
  // What was on screen as the latest in-app navigation began: the previous page's, whatever stays in view.
  let leaving = null;
  const arrive = async () => {
    const here = rules.normalizePath(location.pathname);
    const moved = here !== path;
    // A page load starts from nothing; an in-app move from what the previous page leaves behind.
    const lingering = path === null ? null : (leaving ?? fallback.snapshot(document));
    leaving = null;
    path = here;
    // Leaving a setting's page ends its visit at once: nothing read afterwards is logged for it.
    if (moved) {
      log.newVisit();
      current?.stop();
      current = null;
    }
    refresh();
    if (!moved) return;
    const all = await allRules;
    if (path !== here || !all?.settings) return;
    const settings = rules.settingsForPath(all, here);
    if (settings.length) current = settingPage.start({ rules: all, settings, lingering, report, confirmForm, nudges: log, status: () => latest, changed: showBanner });
  };
  arrive();
  watch.navigations(arrive, { onLeave: () => { leaving = fallback.snapshot(document); } });
})();
