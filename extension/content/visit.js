// One visit to a setting's page: report the toggle's state once when it shows, again each time the member flips it,
// and, only when the member asks, switch it off by clicking LinkedIn's own toggle once and report what came of it;
// when no strategy can read the toggle, log what the member says they saw, as theirs, once.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // LinkedIn may update the toggle after our listener runs, or only after its server answered.
  const RECHECK_MS = [0, 300, 1500];
  // After our click: the switch must stay at the private value for holdMs (LinkedIn reverts it when its server
  // refuses); past giveUpMs without that, LinkedIn did not accept the change.
  const ASSIST = Object.freeze({ pollMs: 100, holdMs: 1000, giveUpMs: 4000 });
  // Once the wait gave up, LinkedIn may still render the toggle: looked for at most once a second, until the visit ends.
  const LATE_SETTLE_MS = 1000;
  // A member flips a switch a few times a visit at most. Rechecks closer together than this wait for its end, so a
  // burst of changes logs the state it ended in; past `perVisit` user-change observations a visit logs no more.
  const USER_CHANGE = Object.freeze({ spacingMs: 2000, perVisit: 20 });

  let latest = null;

  /**
   * rules: the platform's rules; setting: the one of its settings this visit is for (a page may hold several, each
   * with its own visit). lingering: fallback.snapshot() from the start of the in-app navigation that led here, or null.
   * report(observation) sends one observation and resolves with the background's answer ({result: 'ack', recorded}
   * once the host logged it). onChange({phase, value, element}) tells the page's UI what the visit knows:
   * phase 'waiting', 'found' (value is the toggle's state), 'unreadable' (the wait ended and no strategy could read
   * the toggle: unknown, never a guess; a toggle readable later is 'found' as on a page load), 'not-found' (the
   * toggle vanished after our click) or 'signed-out'.
   * Returns {stop(), switchOff(), reportByMember(value), phase, value, setting}.
   */
  function start({ doc = document, win = globalThis, rules, setting, lingering = null, report, onChange = () => {},
    timeoutMs = 20000, assist = ASSIST, userChange = USER_CHANGE }) {
    const { detect, watch, page, rules: paths, messages: { sources } } = untrain;
    let stopped = false;
    let assisting = false;
    let memberAnswered = false;  // the member's own answer while the toggle is unreadable: one per visit
    let last = null;
    let phase = 'waiting';
    let timers = [];
    const cleanups = [];

    const find = () => detect.find(doc, setting, { rules, lingering });
    const tell = (next, result = {}) => {
      phase = next;
      if (!stopped) onChange({ phase, value: result.value ?? null, element: result.element ?? null });
    };
    // LinkedIn changes the URL before it replaces the page: a read made after that belongs to no setting.
    const onItsPage = () => paths.normalizePath(win.location.pathname) === paths.normalizePath(setting.page);

    const send = (value, source) => {
      if (stopped || !onItsPage()) return Promise.resolve(null);
      return report({
        platform: rules.platform,
        account: page.account(doc),
        setting: setting.id,
        value,
        // The setting's page as the rules name it, without LinkedIn's tracking query: the trail records settings, not
        // where the member came from (docs/audit-trail.md).
        url: rules.origin + setting.page,
        time: Date.now(),
        source,
      });
    };
    // A reading of ours: recheck compares what follows with it.
    const observe = (value, source) => {
      if (stopped || !onItsPage()) return Promise.resolve(null);
      last = value;
      return send(value, source);
    };

    // Re-reads the toggle after the member clicked or changed something; reports only a real change of state, as the
    // member's: so only a person's own event counts (a page script's synthetic clicks are not isTrusted), and a visit
    // logs at most one user-change per spacingMs and perVisit in all, however many events the page provokes.
    let userChanges = 0;
    let lastUserChange = -Infinity;
    let deferred = null;
    const recheck = (event) => {
      if (assisting || !event?.isTrusted || userChanges >= userChange.perVisit) return;
      timers.forEach(clearTimeout);
      timers = RECHECK_MS.map((ms) => setTimeout(() => readChange(), ms));
    };
    function readChange() {
      const now = find();
      if (stopped || assisting || !now.found || now.value === last || userChanges >= userChange.perVisit) return;
      const early = lastUserChange + userChange.spacingMs - Date.now();
      if (early > 0) {
        // Too soon after the last one: read again when the spacing is over, and log what it shows then.
        if (!deferred) deferred = setTimeout(() => { deferred = null; readChange(); }, early);
        return;
      }
      userChanges += 1;
      lastUserChange = Date.now();
      observe(now.value, sources.USER_CHANGE);
      tell('found', now);
    }
    cleanups.push(() => clearTimeout(deferred));

    function waitForToggle(options) {
      const waiting = watch.untilFound(find, { root: doc.documentElement, ...options });
      cleanups.push(waiting.stop);
      waiting.promise.then((result) => {
        if (stopped) return;
        // A signed-out page may show switches of its own (cookie consent); none of them is the member's setting, and
        // without a member there is nobody to ask about it.
        if (!page.isLoggedIn(doc)) return tell('signed-out');
        if (!result.found) {
          tell('unreadable');
          return waitForToggle({ timeoutMs: Infinity, settleMs: LATE_SETTLE_MS });
        }
        observe(result.value, sources.PAGE_LOAD);
        tell('found', result);
        // Listening on the document rather than the element survives LinkedIn re-rendering the toggle.
        for (const type of ['change', 'click']) {
          doc.addEventListener(type, recheck, true);
          cleanups.push(() => doc.removeEventListener(type, recheck, true));
        }
      });
    }
    cleanups.push(() => timers.forEach(clearTimeout));
    waitForToggle({ timeoutMs });

    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

    // Polls until the switch has stayed private for holdMs, or giveUpMs passed; returns the last reading.
    async function settle() {
      const began = Date.now();
      let privateSince = null;
      let reading = find();
      for (;;) {
        await wait(assist.pollMs);
        if (stopped) return reading;
        reading = find();
        const isPrivate = reading.found && reading.value === setting.private_value;
        privateSince = isPrivate ? (privateSince ?? Date.now()) : null;
        if (privateSince !== null && Date.now() - privateSince >= assist.holdMs) return reading;
        if (Date.now() - began >= assist.giveUpMs) return reading;
      }
    }

    /**
     * Clicks LinkedIn's own toggle exactly once, where its component listens (detect.clickTarget), then re-reads it and reports the outcome with source "assisted".
     * Call only for the member's own click on our button. Resolves with {outcome, value, recorded}: outcome is
     * 'switched-off', 'not-accepted' (LinkedIn kept or restored the other value), 'unknown' (the toggle could not
     * be read afterwards: nothing is logged), 'already-off', 'not-found' or 'busy'.
     */
    async function switchOff() {
      if (stopped || assisting || phase !== 'found') return { outcome: phase === 'found' ? 'busy' : 'not-found' };
      const before = find();
      if (!before.found) return { outcome: 'not-found' };
      if (before.value === setting.private_value) return { outcome: 'already-off', value: before.value };
      assisting = true;
      timers.forEach(clearTimeout);
      try {
        before.target.click();
        const after = await settle();
        if (stopped) return { outcome: 'unknown' };
        if (!after.found) {
          tell('not-found');
          return { outcome: 'unknown' };
        }
        const answer = await observe(after.value, sources.ASSISTED);
        tell('found', after);
        return {
          outcome: after.value === setting.private_value ? 'switched-off' : 'not-accepted',
          value: after.value,
          recorded: answer?.recorded ?? null,
          logged: answer?.result ?? null,
        };
      } finally {
        assisting = false;
      }
    }

    /**
     * Logs what the member says LinkedIn's switch shows, with source "member-reported": their word, never a reading of
     * ours. Only while the toggle is unreadable, and once a visit: another answer while one is on its way, or after it
     * was logged or queued, is refused ('busy'); one the background could not take ('failed') may be given again.
     * Call only for the member's own click. Resolves with {outcome, value, recorded}: outcome 'logged', 'queued'
     * (kept until the helper answers), 'failed', 'busy' or 'not-unreadable'.
     */
    async function reportByMember(value) {
      if (stopped || phase !== 'unreadable' || typeof value !== 'boolean') return { outcome: 'not-unreadable' };
      if (memberAnswered) return { outcome: 'busy' };
      memberAnswered = true;
      const answer = await send(value, sources.MEMBER_REPORTED);
      const outcome = { ack: 'logged', queued: 'queued' }[answer?.result] ?? 'failed';
      if (outcome === 'failed') memberAnswered = false;
      return { outcome, value, recorded: answer?.recorded ?? null };
    }

    const visit = {
      stop() {
        stopped = true;
        cleanups.splice(0).forEach((cleanup) => cleanup());
      },
      switchOff,
      reportByMember,
      get phase() { return phase; },
      get value() { return last; },
      get setting() { return setting.id; },
    };
    latest = visit;
    return visit;
  }

  untrain.visit = { start, ASSIST, USER_CHANGE, get current() { return latest; } };
})();
