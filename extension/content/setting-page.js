// What untrain does on a setting's own page: reads the toggle (visit.js), rings it with the callout, and switches it
// off for the member when they ask, then confirms what was logged and points to the objection form.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const OUTCOME_STEP = { 'switched-off': 'switched-off', 'not-accepted': 'not-accepted', 'unknown': 'unknown', 'already-off': 'off', 'not-found': 'not-found' };

  /**
   * rules: the platform's rules; setting: the rule of this page. report(observation) and markForm(form) send to the
   * background and resolve with its answer; nudges: the page's nudge log (nudges.js); status(): the latest status.
   * Returns {stop(), statusChanged()}: call statusChanged() when a new status arrived (verdict, form dates).
   */
  function start({ doc = document, win = globalThis, rules, setting, report, markForm, nudges, status }) {
    const { visit, callout, page, i18n, messages: { nudgeSources, limits } } = untrain;
    const form = (setting.forms ?? []).map((id) => (rules.forms ?? []).find((f) => f.id === id)).find(Boolean) ?? null;
    let step = null;
    let element = null;
    let recorded = null;
    let formSentOn = null;
    let formFailed = false;
    let closed = false;  // the member closed the callout: not again on this visit

    const entry = () => status()?.settings?.find((s) => s.setting === setting.id) ?? null;
    const fields = () => ({
      platform: rules.platform, account: page.account(doc), setting: setting.id, source: nudgeSources.CALLOUT,
      verdict: entry()?.verdict ?? 'unknown',
    });
    const formatTime = (ms) => new Intl.DateTimeFormat(i18n.language(), { timeStyle: 'medium' }).format(ms);

    function render() {
      if (!step || closed) {
        callout.hide();
        return;
      }
      const sentOn = formSentOn ?? (status()?.forms ?? []).find((f) => f.form === form?.id)?.sent_on ?? null;
      const view = callout.model({ step, setting, recorded, form, formSentOn: sentOn }, { t: i18n.t, ruleText: i18n.ruleText, formatTime });
      if (formFailed && view.form) view.form.text = i18n.t('calloutFormFailed');
      callout.show(doc, element, view, { t: i18n.t, on: { switchOff, formSent, close: () => { closed = true; } } });
      // Logged once the host's verdict agrees with what the callout says: before the first observation it is "unknown".
      if (step === 'on' && ['on', 'on-by-default'].includes(entry()?.verdict)) nudges.shown(fields());
    }

    async function switchOff() {
      if (step === 'working') return;
      nudges.clicked(fields());
      step = 'working';
      render();
      const result = await current.switchOff();
      if (stopped) return;
      step = OUTCOME_STEP[result.outcome] ?? step;
      recorded = result.recorded ?? null;
      render();
    }

    async function formSent() {
      const sentOn = i18n.localDate();
      const href = win.location.href;
      const answer = await markForm({
        platform: rules.platform, account: page.account(doc), form: form.id, sent_on: sentOn, source: nudgeSources.CALLOUT,
        ...(href.length <= limits.URL ? { url: href } : {}), time: Date.now(),
      });
      formFailed = answer?.result !== 'ack';
      if (!formFailed) formSentOn = sentOn;
      if (!stopped) render();
    }

    let stopped = false;
    const current = visit.start({
      doc, win, platform: rules.platform, setting, others: rules.settings, report,
      onChange({ phase, value, element: found }) {
        if (found) element = found;
        if (phase === 'found') {
          // While we switch it off, and once we did, the outcome speaks rather than the last reading.
          if (step === 'working') return;
          const off = value === setting.private_value;
          if (!(off && step === 'switched-off')) step = off ? 'off' : 'on';
        } else if (phase === 'not-found') {
          step = 'not-found';
        } else if (phase === 'signed-out') {
          step = null;
        }
        render();
      },
    });

    return {
      stop() {
        stopped = true;
        current.stop();
        callout.hide();
      },
      statusChanged() {
        if (!stopped && step && step !== 'working') render();
      },
    };
  }

  untrain.settingPage = { start };
})();
