// The callout on a setting's own page: a ring around LinkedIn's toggle and a short panel beside it with
// "Switch it off for me", the outcome, and the objection form for a full opt-out; or, when the toggle cannot be read,
// a panel in the corner that says so and takes the member's own answer (unreadable.js); drawn in a shadow root.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const ID = 'untrain-callout';
  const GAP = 10;

  const STYLE = `
    :host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483645; }
    .ring { position: fixed; box-sizing: border-box; border: 3px solid #c77700; border-radius: 12px;
      box-shadow: 0 0 0 4px rgba(199,119,0,.25); pointer-events: none; }
    :host([data-step="off"]) .ring, :host([data-step="switched-off"]) .ring { border-color: #057642; box-shadow: 0 0 0 4px rgba(5,118,66,.2); }
    .panel { position: fixed; box-sizing: border-box; width: min(360px, calc(100vw - 24px)); padding: 12px 14px;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d; background: #fff;
      border: 1px solid #c77700; border-top: 5px solid #c77700; border-radius: 8px; box-shadow: 0 6px 20px rgba(0,0,0,.2); }
    :host([data-step="off"]) .panel, :host([data-step="switched-off"]) .panel { border-color: #057642; }
    .head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
    .mark { font-weight: 700; color: #7a4a00; }
    p { margin: 6px 0 0; }
    .detail { color: #38434f; }
    .row { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
    a, button { font: inherit; font-weight: 600; border-radius: 16px; padding: 6px 12px; cursor: pointer; text-decoration: none; }
    .primary { background: #0a66c2; color: #fff; border: 1px solid #0a66c2; }
    .primary:hover { background: #004182; }
    .primary[disabled] { background: #56687a; border-color: #56687a; cursor: progress; }
    .secondary { background: transparent; color: #0a66c2; border: 1px solid #0a66c2; }
    .secondary[disabled] { color: #56687a; border-color: #56687a; cursor: progress; }
    .note { font-weight: 600; }
    /* LinkedIn's help is a place to go, not an answer: a link, not a button. */
    a.help { border-color: transparent; padding-left: 4px; padding-right: 4px; text-decoration: underline; }
    .close { background: transparent; border: none; color: #38434f; padding: 0 4px; font-size: 18px; line-height: 1; }
    /* The compact bar along the window's edge, where no place beside the switch is free: the sentence and the buttons. */
    .panel.compact { width: calc(100vw - 24px); max-height: 40vh; overflow: auto; padding: 8px 12px; border-top-width: 3px; }
    .panel.compact .detail, .panel.compact .form-reason { display: none; }
    .panel.compact .row { margin-top: 6px; }
    .panel.compact p { margin-top: 2px; }
    a:focus-visible, button:focus-visible { outline: 3px solid #004182; outline-offset: 2px; }
  `;

  /**
   * What the callout says. step: 'on' | 'working' | 'switched-off' | 'not-accepted' | 'off' | 'unknown' | 'not-found' |
   * 'unreadable'. setting: its rule; recorded: when the host logged the outcome (ms, null while it waits for the
   * helper); form: the rules' form that completes the opt-out, or null; formSentOn: the date it was marked sent, or
   * null; unreadable: at step 'unreadable', what unreadable.model says (the banner says the same).
   */
  function model({ step, setting, recorded = null, form = null, formSentOn = null, unreadable = null, onAgain = null },
    { t, ruleText, formatTime, formatDate = String }) {
    const title = ruleText(setting, 'title');
    const view = { step, title, text: '', detail: '', button: null, form: null, unreadable: null };
    switch (step) {
      case 'on':
        // Read On after untrain had seen it Off: said, with the date, never who switched it back.
        view.text = onAgain ? untrain.banner.onAgain(onAgain, t, formatDate) : t('calloutOn', title);
        view.detail = ruleText(setting, 'explanation');
        view.button = { label: t('calloutSwitchOff'), disabled: false };
        view.hint = t('calloutHint');
        break;
      case 'working':
        view.text = t('calloutWorking');
        view.button = { label: t('calloutSwitchOff'), disabled: true };
        break;
      case 'switched-off':
        view.text = recorded === null ? t('calloutDoneQueued') : t('calloutDone', formatTime(recorded));
        break;
      case 'not-accepted':
        view.text = t('calloutRejected');
        view.button = { label: t('calloutTryAgain'), disabled: false };
        break;
      case 'off':
        view.text = t('calloutOff', title);
        break;
      case 'unknown':
        view.text = t('calloutUnknown');
        break;
      case 'unreadable':
        if (unreadable) {
          view.text = unreadable.text;
          view.unreadable = unreadable;
          break;
        }
      // falls through: without what to say about it, an unreadable toggle is one not found
      default:
        view.step = 'not-found';
        view.text = t('calloutNotFound', title);
    }
    // The form's step: why it matters stays in view once the switch is Off; "Open the form" leads, "I've sent it" follows.
    if (form && (step === 'switched-off' || step === 'off')) {
      view.form = formSentOn
        ? { text: t('calloutFormSent', formatDate(formSentOn)), reason: ruleText(form, 'explanation'), url: form.url, open: t('calloutFormOpen'), mark: null }
        : { text: t('calloutFormPointer', ruleText(form, 'title')), reason: ruleText(form, 'explanation'), url: form.url, open: t('calloutFormOpen'), mark: t('calloutFormMark') };
    }
    return view;
  }

  // The toggle LinkedIn draws may be a hidden input inside a larger control: ring what the member sees.
  function visibleTarget(element) {
    const box = element.getBoundingClientRect();
    if (box.width >= 8 && box.height >= 8) return element;
    return element.closest('label') ?? element.parentElement ?? element;
  }

  // Page scripts can reach our open shadow roots, call .click(), or make a button transparent over a decoy: only the
  // member's own click on a button they could see acts (guard.js).
  const trusted = (handler) => untrain.guard.member(handler);

  let ours = null;
  let stopPlacing = null;
  let shown = null;  // the step on screen, kept here rather than read back from the page's DOM
  let drawn = null;  // what is drawn: redrawing the same view would take the focus from the member's button

  // "Learn more" in the languages untrain reads LinkedIn in: a link the callout must leave in view.
  const LEARN_MORE = /learn more|mehr erfahren|weitere informationen|en savoir plus|más información|obtener más información/i;
  const seen = (r) => r.width > 1 && r.height > 1;

  // Anything a member switches: where one of these other than ours begins, the setting's own card has ended.
  const SWITCHES = 'input[type="checkbox"], input[type="radio"], [role="switch"], [role="checkbox"], [role="radio"]';
  const another = (node, element) => [...node.querySelectorAll(SWITCHES)]
    .some((other) => other !== element && !other.contains(element) && !element.contains(other));

  /**
   * What the callout must never cover: LinkedIn's switch as the member sees it, its label(s), and the "Learn more" links
   * of the card that holds it, as client rectangles. The card is the largest ancestor, up to six levels up, that holds
   * no other switch: so the link is this setting's own, however tall the card is drawn (at 200 % zoom LinkedIn's card
   * is taller than half the window, and a limit by height once left its "Learn more" under the bar).
   */
  function keepClear(element) {
    const doc = element.ownerDocument;
    const parts = [visibleTarget(element)];
    parts.push(...(element.labels ?? []));
    for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      const label = doc.getElementById(id);
      if (label) parts.push(label);
    }
    let card = element.parentElement;
    for (let up = 0; card?.parentElement && up < 6; up += 1) {
      const next = card.parentElement;
      if (next === doc.body || next === doc.documentElement || another(next, element)) break;
      card = next;
    }
    for (const link of card?.querySelectorAll('a') ?? []) if (LEARN_MORE.test(link.textContent)) parts.push(link);
    return parts.map((part) => part.getBoundingClientRect()).filter(seen);
  }

  const MARGIN = 12;
  const overlaps = (a, b, pad = 4) => a.left < b.right + pad && a.right > b.left - pad && a.top < b.bottom + pad && a.bottom > b.top - pad;
  const rectAt = (left, top, width, height) => ({ left, top, right: left + width, bottom: top + height, width, height });

  /**
   * Where the panel goes: beside, below or above the switch, whichever is nearest and covers nothing of keepClear();
   * when none fits (a small window, 200 % zoom) a compact bar across the window. The bar spans the width, so each kept
   * box takes its rows away: the bar goes into the free rows at the bottom, else at the top, else the lowest free band
   * tall enough; when no band is, into the tallest one with its height as the bar's limit (the bar scrolls inside).
   * Returns {left, top, compact, maxHeight} (maxHeight only when the bar is limited).
   */
  function position(clear, target, size, win, measureCompact) {
    const fits = (r) => r.left >= MARGIN - 0.5 && r.top >= MARGIN - 0.5 && r.right <= win.innerWidth - MARGIN + 0.5
      && r.bottom <= win.innerHeight - MARGIN + 0.5 && !clear.some((c) => overlaps(r, c));
    const { width, height } = size;
    const all = clear.reduce((u, r) => ({ left: Math.min(u.left, r.left), top: Math.min(u.top, r.top),
      right: Math.max(u.right, r.right), bottom: Math.max(u.bottom, r.bottom) }), { left: target.left, top: target.top, right: target.right, bottom: target.bottom });
    const clampX = (x) => Math.max(MARGIN, Math.min(x, win.innerWidth - width - MARGIN));
    const clampY = (y) => Math.max(MARGIN, Math.min(y, win.innerHeight - height - MARGIN));
    const tops = [target.bottom + GAP, target.top - GAP - height, all.bottom + GAP, all.top - GAP - height, target.top, target.top + target.height / 2 - height / 2];
    const lefts = [target.right + GAP, target.right - width, target.left - GAP - width, all.right + GAP, all.left - GAP - width, target.left];
    const cx = target.left + target.width / 2;
    const cy = target.top + target.height / 2;
    let best = null;
    for (const top of tops) {
      for (const left of lefts) {
        const r = rectAt(clampX(left), clampY(top), width, height);
        if (!fits(r)) continue;
        // Nearest to the switch, measured to the panel's nearest edge, so it reads as being about that switch.
        const dx = Math.max(r.left - cx, 0, cx - r.right);
        const dy = Math.max(r.top - cy, 0, cy - r.bottom);
        const distance = Math.hypot(dx, dy);
        if (!best || distance < best.distance) best = { left: r.left, top: r.top, distance };
      }
    }
    if (best) return { left: best.left, top: best.top, compact: false };
    const bar = measureCompact();
    const bands = freeBands(clear, MARGIN, win.innerHeight - MARGIN);
    const tall = bands.filter(([from, to]) => to - from >= bar);
    const last = bands.at(-1);
    if (last && last[1] === win.innerHeight - MARGIN && last[1] - last[0] >= bar) return { left: MARGIN, top: last[1] - bar, compact: true };
    if (tall[0]?.[0] === MARGIN) return { left: MARGIN, top: MARGIN, compact: true };
    if (tall.length) return { left: MARGIN, top: tall.at(-1)[1] - bar, compact: true };
    const widest = bands.reduce((w, b) => (!w || b[1] - b[0] > w[1] - w[0] ? b : w), null) ?? [MARGIN, MARGIN];
    return { left: MARGIN, top: widest[0], compact: true, maxHeight: Math.max(0, widest[1] - widest[0]) };
  }

  /** The rows from `from` to `to` that no kept box (with overlaps()'s 4 px) reaches, top to bottom, as [from, to]. */
  function freeBands(clear, from, to) {
    const taken = clear.map((c) => [c.top - 4, c.bottom + 4]).sort((a, b) => a[0] - b[0]);
    const bands = [];
    let y = from;
    for (const [top, bottom] of taken) {
      if (top > y) bands.push([y, Math.min(top, to)]);
      y = Math.max(y, bottom);
      if (y >= to) break;
    }
    if (y < to) bands.push([y, to]);
    return bands.filter(([a, b]) => b > a);
  }

  function place(host, element) {
    const ring = host.shadowRoot.querySelector('.ring');
    const panel = host.shadowRoot.querySelector('.panel');
    const win = host.ownerDocument.defaultView;
    panel.classList.remove('compact');
    panel.style.maxHeight = '';
    if (!element?.isConnected) {
      ring.hidden = true;
      Object.assign(panel.style, { right: '16px', bottom: '16px', left: 'auto', top: 'auto' });
      return;
    }
    const box = visibleTarget(element).getBoundingClientRect();
    ring.hidden = false;
    Object.assign(ring.style, { left: `${box.left - 6}px`, top: `${box.top - 6}px`, width: `${box.width + 12}px`, height: `${box.height + 12}px` });
    const measureCompact = () => {
      panel.classList.add('compact');
      return panel.offsetHeight;
    };
    const where = position(keepClear(element), box, { width: panel.offsetWidth, height: panel.offsetHeight }, win, measureCompact);
    panel.classList.toggle('compact', where.compact);
    host.dataset.placement = where.compact ? 'bar' : 'beside';
    const maxHeight = where.maxHeight === undefined ? '' : `${where.maxHeight}px`;
    Object.assign(panel.style, { left: `${where.left}px`, top: `${where.top}px`, right: 'auto', bottom: 'auto', maxHeight });
  }

  function follow(host, element) {
    stopPlacing?.();
    const win = host.ownerDocument.defaultView;
    let frame = 0;
    const again = () => {
      if (frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        place(host, element);
      });
    };
    // Scrolls inside LinkedIn's own panes reach us only in the capture phase.
    win.addEventListener('scroll', again, true);
    win.addEventListener('resize', again);
    // Content LinkedIn renders above the toggle changes the page's size or the toggle's: following
    // those, rather than polling, leaves no work running while nothing moves (bench/results.md).
    const resized = new win.ResizeObserver(again);
    resized.observe(host.ownerDocument.documentElement);
    if (element?.isConnected) resized.observe(element);
    place(host, element);
    stopPlacing = () => {
      win.removeEventListener('scroll', again, true);
      win.removeEventListener('resize', again);
      resized.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
    };
  }

  function build(doc, t) {
    const host = doc.createElement('div');
    host.id = ID;
    host.setAttribute('role', 'complementary');
    host.setAttribute('aria-label', t('calloutLabel'));
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const ring = doc.createElement('div');
    ring.className = 'ring';
    const panel = doc.createElement('div');
    panel.className = 'panel';
    root.append(style, ring, panel);
    return host;
  }

  function fill(host, view, t, on) {
    const doc = host.ownerDocument;
    const make = (tag, props = {}) => Object.assign(doc.createElement(tag), props);
    host.dataset.step = view.step;
    const panel = host.shadowRoot.querySelector('.panel');
    const head = make('div', { className: 'head' });
    const close = make('button', { type: 'button', className: 'close', textContent: '×' });
    close.setAttribute('aria-label', t('calloutClose'));
    close.addEventListener('click', trusted(() => {
      hide();
      on.close?.();
    }));
    head.append(make('span', { className: 'mark', textContent: 'untrain' }), close);
    const parts = [head, make('p', { className: 'text', textContent: view.text })];
    if (view.detail) parts.push(make('p', { className: 'detail', textContent: view.detail }));
    if (view.unreadable) parts.push(...untrain.unreadable.parts(doc, view.unreadable, { answer: on.answer }));
    if (view.button) {
      const row = make('div', { className: 'row' });
      const button = make('button', { type: 'button', className: 'primary switch-off', textContent: view.button.label, disabled: view.button.disabled });
      button.addEventListener('click', trusted(() => on.switchOff?.()));
      row.append(button);
      parts.push(row);
      if (view.hint) parts.push(make('p', { className: 'detail', textContent: view.hint }));
    }
    if (view.form) {
      parts.push(make('p', { className: 'form-text', textContent: view.form.text }));
      if (view.form.reason) parts.push(make('p', { className: 'detail form-reason', textContent: view.form.reason }));
      const row = make('div', { className: 'row' });
      // Until it is marked sent, opening the form is what the member has left to do.
      const open = make('a', { className: `${view.form.mark ? 'primary' : 'secondary'} form-open`, href: view.form.url, target: '_blank', rel: 'noopener noreferrer', textContent: view.form.open });
      row.append(open);
      if (view.form.mark) {
        const mark = make('button', { type: 'button', className: 'secondary form-sent', textContent: view.form.mark });
        mark.addEventListener('click', trusted(() => on.formSent?.()));
        row.append(mark);
      }
      parts.push(row);
    }
    panel.replaceChildren(...parts);
  }

  /**
   * Shows or updates the callout beside `element` (null: a panel in the corner, when the toggle was not found).
   * on: {switchOff(), formSent(), answer(value), close()}, called after the member's own click.
   */
  // Escape closes the callout, as the × does: only the member's own key press (a page script's is not trusted).
  let onEscape = null;
  function listenForEscape(doc, on) {
    stopEscape();
    const listener = (event) => {
      if (event.key !== 'Escape' || !event.isTrusted || !ours) return;
      hide();
      on.close?.();
    };
    doc.addEventListener('keydown', listener, true);
    onEscape = () => doc.removeEventListener('keydown', listener, true);
  }
  const stopEscape = () => {
    onEscape?.();
    onEscape = null;
  };

  function show(doc, element, view, { t, on = {} }) {
    if (!ours || ours.ownerDocument !== doc) ours = build(doc, t);
    listenForEscape(doc, on);
    if (!ours.isConnected) doc.body.append(ours);
    const key = JSON.stringify(view);
    if (drawn?.key !== key || drawn.element !== element) {
      fill(ours, view, t, on);
      follow(ours, element);
      drawn = { key, element };
    }
    shown = view.step;
    return ours;
  }

  function hide() {
    stopEscape();
    stopPlacing?.();
    stopPlacing = null;
    ours?.remove();
    ours = null;
    shown = null;
    drawn = null;
  }

  /** Moves the focus to the callout's first action, else its close button; false when there is no callout. */
  function focus() {
    const root = ours?.isConnected ? ours.shadowRoot : null;
    const first = root?.querySelector('.primary, a, button:not(.close)') ?? root?.querySelector('button');
    first?.focus();
    return Boolean(first);
  }

  untrain.callout = { show, hide, model, position, keepClear, focus, get step() { return shown; } };
})();
