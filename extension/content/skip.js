// The first stop of the keyboard on a LinkedIn page: a link, seen only when focused, that takes the member to untrain's
// callout or banner at once, rather than after the whole feed (both are appended at the end of the page).
(() => {
  const untrain = (globalThis.untrain ??= {});

  const STYLE = `
    :host { all: initial; position: fixed; left: 8px; top: 8px; z-index: 2147483647; }
    :host([hidden]) { display: none; }
    a { position: absolute; left: -10000px; top: 0; padding: 8px 14px; border-radius: 8px; background: #0a66c2; color: #fff;
      font: 600 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-decoration: none; white-space: nowrap; }
    a:focus { left: 0; outline: 3px solid #004182; outline-offset: 2px; }
  `;

  /** Focuses the first control of the callout, else of the banner; returns whether there was one. */
  function goToOurs() {
    return Boolean(untrain.callout?.focus?.() || untrain.banner?.focus?.());
  }

  /**
   * Puts the link first in doc's body (hidden until something of ours is shown: call update() after showing or hiding
   * the banner or callout). Returns {update(), element}.
   */
  function create(doc, { t }) {
    const host = doc.createElement('div');
    host.setAttribute('data-untrain', 'skip');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const link = doc.createElement('a');
    link.href = '#';
    link.textContent = t('skipToUntrain');
    // The link only moves the focus: a key press or click by anyone does no more than that, so no trust check is needed.
    link.addEventListener('click', (event) => {
      event.preventDefault();
      goToOurs();
    });
    root.append(style, link);
    const update = () => {
      const ours = untrain.callout?.step || (untrain.banner?.state && untrain.banner.state !== 'off');
      host.hidden = !ours;
      if (!doc.body) return;
      if (!host.isConnected || doc.body.firstChild !== host) doc.body.prepend(host);
    };
    return { update, element: host };
  }

  untrain.skip = { create, goToOurs };
})();
