// The banner that tells the member LinkedIn may be training AI on their data, with "Review now", "Remind me later"
// and "Dismiss" (on the setting's own page, when its switch cannot be read, what the callout says: unreadable.js),
// drawn in a shadow root so page and banner styles stay apart.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const ID = 'untrain-banner';
  const TEXT_KEYS = {
    'on-by-default': 'bannerOnByDefault', 'on': 'bannerOn', 'on-reported': 'bannerOnReported', 'unknown': 'bannerUnknown', 'stale': 'bannerStale',
  };

  // `all: initial` stops LinkedIn's inherited styles at the shadow boundary; everything else is ours alone.
  // Colours keep every text at 4.5:1 or more against its background (WCAG AA), checked by the end-to-end test.
  const STYLE = `
    :host { all: initial; position: fixed; left: 16px; bottom: 16px; z-index: 2147483646; max-width: min(720px, calc(100vw - 32px)); }
    .box { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; box-sizing: border-box; padding: 12px 16px;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d; background: #fff8e1;
      border: 1px solid #e0b252; border-left: 6px solid #c77700; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
    :host([data-state="helper"]) .box { background: #eef3f8; border-color: #9db3c8; border-left-color: #56687a; }
    .mark { flex: none; font-weight: 700; letter-spacing: .02em; color: #7a4a00; }
    :host([data-state="helper"]) .mark { color: #38434f; }
    p[hidden] { display: none; }
    /* The helper's absence is a line of its own under what the banner says about the setting, never in its place. */
    .helper { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; flex: 1 1 100%; font-size: 13px; color: #38434f; }
    .helper[hidden] { display: none; }
    .helper span { flex: 1 1 260px; }
    .helper button { padding: 3px 10px; }
    p { margin: 0; flex: 1 1 320px; }
    .said { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; flex: 1 1 100%; }
    .said[hidden] { display: none; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    /* LinkedIn's help is a place to go, not an answer: a link, not a button. */
    .said a { background: transparent; color: #0a66c2; border: none; padding: 6px 4px; text-decoration: underline; }
    .said a:hover { background: transparent; color: #004182; }
    .note { font-weight: 600; flex-basis: 100%; }
    button[disabled] { color: #56687a; cursor: progress; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; }
    a, button { flex: none; padding: 6px 12px; border-radius: 16px; font: inherit; font-weight: 600; white-space: nowrap; cursor: pointer; }
    a { background: #0a66c2; color: #fff; border: 1px solid #0a66c2; text-decoration: none; }
    a:hover { background: #004182; }
    button { background: transparent; color: #1d1d1d; border: 1px solid #56687a; }
    button:hover { background: #f3e3b5; }
    a:focus-visible, button:focus-visible { outline: 3px solid #004182; outline-offset: 2px; }
  `;

  let current = null;
  // Our own element, held here: an element the page gives the same id is never taken for it.
  let ours = null;

  /**
   * What the banner says for a background status answer ({state, verdict, setting, staleAfterDays, snoozeDays}), or
   * null for no banner. rules: the platform's rules file; t: the i18n lookup. unreadable: on the page of a setting
   * whose switch cannot be read, {setting, view} (view: unreadable.model's), said instead when it is the banner's
   * setting; "Review now" is then left out, the member being on that page.
   */
  function model(status, rules, t, unreadable = null, { date = (ms) => new Date(ms).toDateString() } = {}) {
    const state = status?.state ?? 'unknown';
    const helper = status?.helperNotice === true;
    if (state === 'off') {
      // Nothing to say about the settings: the helper's line alone, until the member closes it.
      return helper ? { state: 'helper', verdict: null, setting: null, text: '', review: null, actions: [], helper, unreadable: null } : null;
    }
    const verdict = TEXT_KEYS[status?.verdict] ? status.verdict : 'unknown';
    const setting = rules?.settings?.find((s) => s.id === status?.setting) ?? null;
    const entry = (status?.settings ?? []).find((s) => s.setting === setting?.id);
    let text = verdict === 'stale' ? t(TEXT_KEYS.stale, status?.staleAfterDays ?? 30) : t(TEXT_KEYS[verdict]);
    // Read On after it had been Off: said as such, with when it was switched off, and never who switched it back.
    if (verdict === 'on' && entry?.on_again) text = onAgain(entry.on_again, t, date);
    const review = setting ? rules.origin + setting.page : null;
    const snoozeDays = status?.snoozeDays === 7 ? 7 : 1;
    const view = {
      state, verdict, setting: setting?.id ?? null, account: status?.account ?? null, text, review, snoozeDays,
      actions: review ? ['review', 'snooze', 'dismiss'] : [], unreadable: null, helper,
    };
    if (setting && unreadable?.setting === setting.id) {
      Object.assign(view, { text: unreadable.view.text, unreadable: unreadable.view, actions: ['snooze', 'dismiss'] });
    }
    return view;
  }

  /** "On again: it was switched off on <date> (logged); untrain did not see it switched back on", for banner, callout and popup. */
  const onAgain = (again, t, date) => t(again.logged ? 'onAgainLogged' : 'onAgainKept', date(again.off_since));

  // Page scripts can reach our open shadow roots, call .click(), or make a button transparent over a decoy: only the
  // member's own click on a button they could see acts (guard.js).
  const trusted = (handler) => untrain.guard.member(handler);

  function build(doc, t) {
    const host = doc.createElement('div');
    host.id = ID;
    host.setAttribute('role', 'region');
    host.setAttribute('aria-label', t('bannerLabel'));
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const box = doc.createElement('div');
    box.className = 'box';
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.textContent = 'untrain';
    const text = doc.createElement('p');
    const said = doc.createElement('div');
    said.className = 'said';
    said.hidden = true;
    const actions = doc.createElement('div');
    actions.className = 'actions';
    const helper = doc.createElement('div');
    helper.className = 'helper';
    helper.hidden = true;
    box.append(mark, text, said, actions, helper);
    root.append(style, box);
    return host;
  }

  function fill(host, view, t, on) {
    const root = host.shadowRoot;
    const doc = host.ownerDocument;
    host.dataset.state = view.state;
    host.dataset.verdict = view.verdict ?? view.state;
    const text = root.querySelector('p');
    text.textContent = view.text;
    text.hidden = !view.text;
    fillHelper(root.querySelector('.helper'), view, t, on);
    const said = root.querySelector('.said');
    said.replaceChildren(...(view.unreadable ? untrain.unreadable.parts(doc, view.unreadable, { answer: on.answer }) : []));
    said.hidden = !view.unreadable;
    const actions = root.querySelector('.actions');
    actions.replaceChildren();
    if (!view.actions.length) return;
    const review = doc.createElement('a');
    review.href = view.review;
    review.textContent = t('bannerReview');
    review.addEventListener('click', trusted((event) => {
      const logged = Promise.resolve(on.review?.(view));
      // A new tab keeps this page; otherwise the click is logged before the page goes (an unloading page's
      // messages may never arrive), waiting at most a second for it.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      const win = doc.defaultView;
      Promise.race([logged, new Promise((resolve) => win.setTimeout(resolve, 1000))])
        .catch(() => {})
        .then(() => win.location.assign(view.review));
    }));
    const snooze = doc.createElement('button');
    snooze.type = 'button';
    snooze.dataset.action = 'snooze';
    snooze.textContent = t('bannerSnooze');
    snooze.title = t(view.snoozeDays === 7 ? 'bannerSnoozeTitle7' : 'bannerSnoozeTitle1');
    snooze.addEventListener('click', trusted(() => {
      hide();
      on.snooze?.(view);
    }));
    const dismiss = doc.createElement('button');
    dismiss.type = 'button';
    dismiss.dataset.action = 'dismiss';
    dismiss.textContent = t('bannerDismiss');
    dismiss.title = t('bannerDismissTitle');
    dismiss.addEventListener('click', trusted(() => {
      hide();
      on.dismiss?.(view);
    }));
    const controls = { review, snooze, dismiss };
    actions.append(...view.actions.map((action) => controls[action]));
  }

  // The helper's line: what its absence means, its explainer page, and Dismiss (for good: the popup still says it).
  function fillHelper(line, view, t, on) {
    const doc = line.ownerDocument;
    line.hidden = !view.helper;
    if (!view.helper) {
      line.replaceChildren();
      return;
    }
    const words = doc.createElement('span');
    words.textContent = t('helperMissing');
    const how = doc.createElement('button');
    how.type = 'button';
    how.dataset.action = 'helper-open';
    how.textContent = t('helperHow');
    how.addEventListener('click', trusted(() => on.helper?.('open')));
    const close = doc.createElement('button');
    close.type = 'button';
    close.dataset.action = 'helper-dismiss';
    close.textContent = t('bannerDismiss');
    close.setAttribute('aria-label', t('helperDismissLabel'));
    close.addEventListener('click', trusted(() => {
      line.hidden = true;
      if (view.state === 'helper') hide();
      on.helper?.('dismiss');
    }));
    line.replaceChildren(words, how, close);
  }

  function hide() {
    current = 'off';
    ours?.remove();
    ours = null;
  }

  /**
   * Shows, updates or removes the banner for a background status answer; returns what it shows (null: nothing).
   * unreadable: see model. on: {review(view), snooze(view), dismiss(view)}, called after the member's own click;
   * unreadable.answer(value) takes the member's answer.
   */
  function show(doc, status, { rules, t, on = {}, unreadable = null, date }) {
    const view = model(status, rules, t, unreadable, { date });
    if (!view) {
      hide();
      return null;
    }
    current = view.state;
    if (!ours || ours.ownerDocument !== doc) {
      ours = build(doc, t);
      doc.body.append(ours);
    } else if (!ours.isConnected) {
      // LinkedIn re-rendered the body: put the same banner back.
      doc.body.append(ours);
    }
    fill(ours, view, t, { ...on, answer: unreadable?.answer });
    return view;
  }

  /** Moves the focus to the banner's first control (the skip link's target); false when there is no banner. */
  function focus() {
    const first = ours?.isConnected ? ours.shadowRoot.querySelector('a, button') : null;
    first?.focus();
    return Boolean(first);
  }

  untrain.banner = { show, hide, model, onAgain, focus, get state() { return current; } };
})();
