// What untrain does on a settings page: reads each of its settings' toggles (one visit each, visit.js), rings one with
// the callout, switches it off for the member when they ask, then confirms what was logged and points to the form;
// where a toggle cannot be read, says so and logs the member's own answer (unreadable.js), in the callout and banner.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const OUTCOME_STEP = { 'switched-off': 'switched-off', 'not-accepted': 'not-accepted', 'unknown': 'unknown', 'already-off': 'off', 'not-found': 'not-found' };
  // A page with several settings (LinkedIn's promotions page) gets one callout: the setting whose switch-off the
  // member started, until they close its answer; else the first On one, in the rules' order; else the first at all.
  const ANSWERING = new Set(['working', 'switched-off', 'not-accepted', 'unknown']);

  /**
   * rules: the platform's rules; settings: the rules of this page (one or more). lingering: fallback.snapshot() from
   * the start of the in-app navigation that led here, or null. report(observation) sends to the background and
   * resolves with its answer; confirmForm({platform, account, form}) asks it to open the page of ours where the member
   * confirms they sent the form (nothing on LinkedIn's page marks it), and resolves with {result: 'opened'}; nudges: the page's nudge log (nudges.js); status(): the latest status;
   * changed(): called when what unreadable() returns has changed, for the banner to say the same.
   * Returns {stop(), statusChanged(), unreadable(settingId)}: call statusChanged() when a new status arrived (verdict,
   * form dates); unreadable(settingId) is {setting, view, answer(value)} while that setting's toggle cannot be read
   * (view: unreadable.model's; answer: the member's own answer, for their own click), else null.
   */
  function start({ doc = document, win = globalThis, rules, settings, lingering = null, report, confirmForm, nudges, status,
    changed = () => {} }) {
    const { visit, callout, page, i18n, unreadable, messages: { nudgeSources } } = untrain;
    let stopped = false;

    const formatTime = i18n.time;
    const formatDate = i18n.dateTime;
    const entry = (one) => status()?.settings?.find((s) => s.setting === one.setting.id) ?? null;
    const fields = (one) => ({
      platform: rules.platform, account: page.account(doc), setting: one.setting.id, source: nudgeSources.CALLOUT,
      verdict: entry(one)?.verdict ?? 'unknown',
    });

    // One per setting: what its callout would say (step), beside which element, and what the member did with it.
    const all = settings.map((setting) => ({
      setting,
      form: (setting.forms ?? []).map((id) => (rules.forms ?? []).find((f) => f.id === id)).find(Boolean) ?? null,
      step: null, element: null, recorded: null, formSentOn: null, formFailed: false,
      said: null,  // what became of the member's own answer while the toggle is unreadable (unreadable.model's report)
      closed: false,  // the member closed its callout: not again on this visit
      visit: null,
    }));

    function chosen() {
      const open = all.filter((one) => one.step && !one.closed);
      return open.find((one) => ANSWERING.has(one.step)) ?? open.find((one) => one.step === 'on') ?? open[0] ?? null;
    }

    // What the banner and the callout both say while one's toggle cannot be read.
    const unreadableView = (one) => unreadable.model({ setting: one.setting, lang: doc.documentElement?.lang ?? null, report: one.said },
      { t: i18n.t, ruleText: i18n.ruleText, formatDate });

    let calloutShown = false;  // once it showed on this visit, the callout speaks for the page's settings, not the banner
    function render() {
      const one = chosen();
      if (!one) {
        callout.hide();
        return;
      }
      if (!calloutShown) {
        calloutShown = true;
        Promise.resolve().then(changed);
      }
      const sentOn = one.formSentOn ?? (status()?.forms ?? []).find((f) => f.form === one.form?.id)?.sent_on ?? null;
      const said = one.step === 'unreadable' ? unreadableView(one) : null;
      const onAgain = one.step === 'on' ? entry(one)?.on_again ?? null : null;
      const view = callout.model({ step: one.step, setting: one.setting, recorded: one.recorded, form: one.form, formSentOn: sentOn, unreadable: said, onAgain },
        { t: i18n.t, ruleText: i18n.ruleText, formatTime, formatDate: i18n.date });
      if (one.formFailed && view.form) view.form.text = i18n.t('calloutFormFailed');
      const on = {
        switchOff: () => switchOff(one),
        formSent: () => formSent(one),
        answer: (value) => answer(one, value),
        close: () => {
          one.closed = true;
          render();
          changed();
        },
      };
      callout.show(doc, one.element, view, { t: i18n.t, on });
      // Logged once the host's verdict agrees with what the callout says: before the first observation it is "unknown".
      if (one.step === 'on' && ['on', 'on-by-default'].includes(entry(one)?.verdict)) nudges.shown(fields(one));
    }

    async function switchOff(one) {
      if (one.step === 'working') return;
      nudges.clicked(fields(one));
      one.step = 'working';
      render();
      const result = await one.visit.switchOff();
      if (stopped) return;
      one.step = OUTCOME_STEP[result.outcome] ?? one.step;
      one.recorded = result.recorded ?? null;
      render();
    }

    // The member's own answer: one at a time, none once it was logged or queued (visit.reportByMember refuses them too).
    async function answer(one, value) {
      if (one.step !== 'unreadable' || ['sending', 'logged', 'queued'].includes(one.said?.state)) return;
      one.said = { state: 'sending', value };
      render();
      changed();
      const result = await one.visit.reportByMember(value);
      if (stopped) return;
      const state = { logged: 'logged', queued: 'queued' }[result.outcome] ?? 'failed';
      one.said = { state, value, at: result.recorded ?? Date.now() };
      render();
      changed();
    }

    // The date is the member's to give on our own page; the callout shows it once a new status carries it.
    async function formSent(one) {
      const answer = await confirmForm({ platform: rules.platform, account: page.account(doc), form: one.form.id });
      one.formFailed = answer?.result !== 'opened';
      if (!stopped) render();
    }

    for (const one of all) {
      one.visit = visit.start({
        doc, win, rules, setting: one.setting, lingering, report,
        onChange({ phase, value, element }) {
          const wasUnreadable = one.step === 'unreadable';
          if (element) one.element = element;
          if (phase === 'found') {
            // While we switch it off, and once we did, the outcome speaks rather than the last reading.
            if (one.step === 'working') return;
            const off = value === one.setting.private_value;
            if (!(off && one.step === 'switched-off')) one.step = off ? 'off' : 'on';
          } else if (phase === 'unreadable') {
            one.step = 'unreadable';
          } else if (phase === 'not-found') {
            one.step = 'not-found';
          } else if (phase === 'signed-out') {
            one.step = null;
          }
          render();
          if (wasUnreadable !== (one.step === 'unreadable')) changed();
        },
      });
    }

    return {
      stop() {
        stopped = true;
        all.forEach((one) => one.visit.stop());
        callout.hide();
      },
      statusChanged() {
        if (!stopped && chosen() && chosen().step !== 'working') render();
      },
      /** Whether the callout speaks for this setting on this page, in place of the banner. */
      covers(settingId) {
        return !stopped && calloutShown && all.some((one) => one.setting.id === settingId);
      },
      unreadable(settingId) {
        const one = all.find((o) => o.setting.id === settingId);
        if (stopped || one?.step !== 'unreadable') return null;
        return { setting: settingId, view: unreadableView(one), answer: (value) => answer(one, value) };
      },
    };
  }

  untrain.settingPage = { start };
})();
