// One visit to a setting's page: report the toggle's state once when it shows, then again each time the member flips it.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // The host refuses longer URLs; the path alone still says which page it was.
  const MAX_URL = 2048;
  // LinkedIn may update the toggle after our listener runs, or only after its server answered.
  const RECHECK_MS = [0, 300, 1500];

  /** report(observation) sends one observation; returns {stop()} to end the visit (the member navigated away). */
  function start({ doc = document, win = globalThis, platform, setting, report, timeoutMs = 20000 }) {
    const { detect, watch, page, messages: { sources } } = untrain;
    let stopped = false;
    let last = null;
    let timers = [];
    const cleanups = [];

    const observe = (value, source) => {
      last = value;
      const href = win.location.href;
      report({
        platform,
        account: page.account(doc),
        setting: setting.id,
        value,
        url: href.length <= MAX_URL ? href : win.location.origin + win.location.pathname,
        time: Date.now(),
        source,
      });
    };

    // Re-reads the toggle after the member clicked or changed something; reports only a real change of state.
    const recheck = () => {
      timers.forEach(clearTimeout);
      timers = RECHECK_MS.map((ms) => setTimeout(() => {
        const now = detect.find(doc, setting);
        if (!stopped && now.found && now.value !== last) observe(now.value, sources.USER_CHANGE);
      }, ms));
    };

    const waiting = watch.untilFound(() => detect.find(doc, setting), { timeoutMs });
    cleanups.push(waiting.stop, () => timers.forEach(clearTimeout));
    waiting.promise.then((result) => {
      if (stopped || !result.found) return;
      observe(result.value, sources.PAGE_LOAD);
      // Listening on the document rather than the element survives LinkedIn re-rendering the toggle.
      for (const type of ['change', 'click']) {
        doc.addEventListener(type, recheck, true);
        cleanups.push(() => doc.removeEventListener(type, recheck, true));
      }
    });

    return {
      stop() {
        stopped = true;
        cleanups.splice(0).forEach((cleanup) => cleanup());
      },
    };
  }

  untrain.visit = { start };
})();
