// Logs what happens to untrain's nudges on a page: "shown" at most once per page visit for each nudge (LinkedIn
// re-renders and we re-decide the banner often), and every action the member takes, as it happens.
(() => {
  const untrain = (globalThis.untrain ??= {});

  /**
   * send(nudge) delivers one nudge report (docs/protocol.md, `nudge`; the background adds a snooze's end).
   * newVisit() starts a page visit: a document load or an in-app navigation.
   */
  function create({ send, win = globalThis, now = () => Date.now() }) {
    const { nudgeActions, limits } = untrain.messages;
    const logged = new Set();

    const report = (action, { platform, account, setting, source, verdict }) => {
      const href = win.location.href;
      return send({
        platform, account: account ?? null, setting, action, source, verdict,
        ...(href.startsWith('https://') && href.length <= limits.URL ? { url: href } : {}),
        time: now(),
      });
    };

    return {
      newVisit() { logged.clear(); },
      /** Logs that a nudge is on screen, unless this visit already logged it; returns whether it did. */
      shown(fields) {
        const key = `${fields.source} ${fields.setting}`;
        if (logged.has(key)) return false;
        logged.add(key);
        report(nudgeActions.SHOWN, fields);
        return true;
      },
      clicked: (fields) => report(nudgeActions.CLICKED, fields),
      snoozed: (fields) => report(nudgeActions.SNOOZED, fields),
      dismissed: (fields) => report(nudgeActions.DISMISSED, fields),
    };
  }

  untrain.nudges = { create };
})();
