// Finds a setting's toggle on its page and reads whether it is On, following the rule's strategies in order.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const SWITCHES = '[role="switch"], input[type="checkbox"]';
  const MAIN = 'main, [role="main"]';

  // Labels differ in case, spacing and apostrophes between LinkedIn's locales and releases.
  const normalize = (text) => String(text ?? '').normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ').trim().toLowerCase();

  function accessibleName(element) {
    const doc = element.ownerDocument;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
      if (normalize(text)) return text;
    }
    const ariaLabel = element.getAttribute('aria-label');
    if (ariaLabel && normalize(ariaLabel)) return ariaLabel;
    const labels = element.labels ? [...element.labels] : [];
    if (!labels.length && element.id) labels.push(...[...doc.querySelectorAll('label[for]')].filter((l) => l.getAttribute('for') === element.id));
    return labels.map((label) => label.textContent).join(' ');
  }

  /** true for On, false for Off, null when the element does not say. */
  function readState(element) {
    if (element.localName === 'input' && element.type === 'checkbox') return element.checked;
    const checked = element.getAttribute('aria-checked');
    if (checked === 'true') return true;
    if (checked === 'false') return false;
    return null;
  }

  function byLabel(doc, step) {
    const wanted = (step.texts ?? []).map(normalize).filter(Boolean);
    return [...doc.querySelectorAll(SWITCHES)].filter((element) => {
      const name = normalize(accessibleName(element));
      return name && wanted.some((text) => name === text || name.includes(text));
    });
  }

  // Only inside the main content: the header and side panels may hold switches of their own.
  function onlySwitch(doc) {
    const main = doc.querySelector(MAIN);
    const switches = main ? main.querySelectorAll('[role="switch"]') : [];
    return switches.length === 1 ? [...switches] : [];
  }

  const STRATEGIES = { 'label': byLabel, 'only-switch': onlySwitch };

  /**
   * Returns {found: true, value, element, strategy} or {found: false}.
   * Not finding the toggle, or finding several that disagree, is "unknown", never Off.
   */
  function find(doc, setting) {
    for (const step of setting.find ?? []) {
      const strategy = STRATEGIES[step.strategy];
      if (!strategy) continue;
      const candidates = strategy(doc, step)
        .map((element) => ({ element, value: readState(element) }))
        .filter((c) => c.value !== null);
      if (!candidates.length) continue;
      if (candidates.some((c) => c.value !== candidates[0].value)) return { found: false };
      return { found: true, value: candidates[0].value, element: candidates[0].element, strategy: step.strategy };
    }
    return { found: false };
  }

  untrain.detect = { find, readState, accessibleName, normalize };
})();
