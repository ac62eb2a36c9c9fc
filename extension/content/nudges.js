// Logs what happens to untrain's nudges on a page: "shown" at most once per page visit for each nudge (LinkedIn
// re-renders and we re-decide the banner often; the host logs it once a day), and every action the member takes, as
// it happens. A nudge names its setting and never the page it was on: the trail must not become the member's
// browsing history (docs/audit-trail.md, "What untrain does not record").
(() => {
  const untrain = (globalThis.untrain ??= {});

  /**
   * send(nudge) delivers one nudge report (docs/protocol.md, `nudge`; the background adds a snooze's end).
   * newVisit() starts a page visit: a document load or an in-app navigation.
   */
  function create({ send, now = () => Date.now() }) {
    const { nudgeActions } = untrain.messages;
    const logged = new Set();

    const report = (action, { platform, account, setting, source, verdict }) =>
      send({ platform, account: account ?? null, setting, action, source, verdict, time: now() });

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
