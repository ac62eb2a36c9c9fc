// The banner that tells the member LinkedIn may be training AI on their data, drawn in a shadow root so page and banner styles stay apart.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const ID = 'untrain-banner';
  const SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

  const TEXTS = {
    'on-by-default': 'LinkedIn is using your posts and profile to train its AI. It was switched on by default, and you have not switched it off.',
    'on': 'LinkedIn is using your posts and profile to train its AI: the setting is On.',
    'unknown': 'untrain has not yet seen whether LinkedIn may train its AI on your data. Open the setting once so untrain can check.',
    'stale': 'untrain last checked whether LinkedIn may train its AI on your data over 30 days ago. Open the setting to check again.',
    'no-host': 'The untrain helper isn’t installed: run scripts/install.sh to install it.',
  };

  // `all: initial` stops LinkedIn's inherited styles at the shadow boundary; everything else is ours alone.
  const STYLE = `
    :host { all: initial; position: fixed; left: 16px; bottom: 16px; z-index: 2147483646; max-width: min(640px, calc(100vw - 32px)); }
    .box { display: flex; gap: 12px; align-items: center; box-sizing: border-box; padding: 12px 16px;
      font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1d; background: #fff8e1;
      border: 1px solid #e0b252; border-left: 6px solid #c77700; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
    :host([data-state="no-host"]) .box { background: #eef3f8; border-color: #9db3c8; border-left-color: #56687a; }
    .mark { flex: none; font-weight: 700; letter-spacing: .02em; color: #7a4a00; }
    :host([data-state="no-host"]) .mark { color: #38434f; }
    p { margin: 0; }
    a { flex: none; padding: 6px 12px; border-radius: 16px; background: #0a66c2; color: #fff; font-weight: 600; text-decoration: none; white-space: nowrap; }
    a:hover, a:focus-visible { background: #004182; outline: 2px solid #004182; outline-offset: 2px; }
  `;

  let current = null;

  function build(doc, state, verdict) {
    const host = doc.createElement('div');
    host.id = ID;
    host.setAttribute('role', 'region');
    host.setAttribute('aria-label', 'untrain: LinkedIn AI training');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const box = doc.createElement('div');
    box.className = 'box';
    const mark = doc.createElement('span');
    mark.className = 'mark';
    mark.textContent = 'untrain';
    const text = doc.createElement('p');
    box.append(mark, text);
    root.append(style, box);
    fill(host, state, verdict);
    return host;
  }

  function fill(host, state, verdict) {
    const root = host.shadowRoot;
    const box = root.querySelector('.box');
    host.dataset.state = state;
    host.dataset.verdict = verdict ?? state;
    root.querySelector('p').textContent = TEXTS[state === 'no-host' ? 'no-host' : verdict] ?? TEXTS.unknown;
    box.querySelector('a')?.remove();
    if (state !== 'no-host') {
      const link = host.ownerDocument.createElement('a');
      link.href = SETTING_URL;
      link.textContent = 'Open the setting';
      box.append(link);
    }
  }

  /** Shows, updates or removes the banner for a background status reply ({state, verdict}); 'off' removes it. */
  function show(doc, status) {
    const state = status?.state ?? 'unknown';
    current = state;
    const existing = doc.getElementById(ID);
    if (state === 'off') {
      existing?.remove();
      return;
    }
    if (existing?.shadowRoot) {
      fill(existing, state, status.verdict);
    } else {
      existing?.remove();
      doc.body.append(build(doc, state, status?.verdict));
    }
  }

  untrain.banner = { show, get state() { return current; } };
})();
