// Whether a click on one of untrain's buttons is the member's own: a person's click (isTrusted) on a button they could
// see, on top where they clicked, at that moment. LinkedIn's page can reach our open shadow roots, restyle our elements
// and their ancestors, and lay decoys around them; it cannot make a transparent or buried button act for it.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // Below this, what the member saw there was the page's decoy rather than our button.
  const MIN_OPACITY = 0.9;

  // Up the composed tree: out of our shadow root through its host, to the page's own ancestors.
  const composedParent = (node) => node.parentElement ?? node.parentNode?.host ?? null;

  // opacity() inside a CSS filter hides as well as the opacity property does.
  function filterOpacity(filter) {
    let product = 1;
    for (const [, amount, percent] of String(filter ?? '').matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) {
      product *= percent ? Number(amount) / 100 : Number(amount);
    }
    return product;
  }

  /** The button and everything above it are displayed, visible, and together at least MIN_OPACITY opaque. */
  function visible(button) {
    const win = button.ownerDocument.defaultView;
    if (!button.isConnected) return false;
    if (win.getComputedStyle(button).visibility !== 'visible') return false;
    let opacity = 1;
    for (let node = button; node; node = composedParent(node)) {
      const style = win.getComputedStyle(node);
      if (style.display === 'none') return false;
      opacity *= Number(style.opacity) * filterOpacity(style.filter);
      if (!(opacity >= MIN_OPACITY)) return false;
    }
    return true;
  }

  /**
   * Nothing of the page's is over the button where the member clicked: the document's hit test finds our shadow host
   * there, and our shadow root's finds the button. A click from the keyboard has no point (detail 0): the button's
   * centre stands for it.
   */
  function onTop(button, event) {
    const root = button.getRootNode();
    const doc = button.ownerDocument;
    const box = button.getBoundingClientRect();
    const fromPointer = event.detail > 0;
    const x = fromPointer ? event.clientX : box.left + box.width / 2;
    const y = fromPointer ? event.clientY : box.top + box.height / 2;
    if (!(box.width > 0 && box.height > 0)) return false;
    let hit = doc.elementFromPoint(x, y);
    // In a shadow root the document's hit test stops at its host: the root's own says which of ours is there.
    if (root !== doc) {
      if (hit !== root.host || typeof root.elementFromPoint !== 'function') return false;
      hit = root.elementFromPoint(x, y);
    }
    return hit !== null && hit !== undefined && button.contains(hit);
  }

  /** True when `event` on `button` is the member's own click on it, as they saw it. */
  function isMembers(event, button) {
    return event?.isTrusted === true && visible(button) && onTop(button, event);
  }

  /**
   * A click listener for one of our buttons that calls handler(event) only for the member's own click (isMembers);
   * any other click is cancelled, so a link does not follow either.
   */
  const member = (handler) => function listener(event) {
    if (!isMembers(event, event.currentTarget ?? this)) {
      event.preventDefault?.();
      return;
    }
    handler(event);
  };

  untrain.guard = { member, isMembers, visible, onTop, MIN_OPACITY };
})();
