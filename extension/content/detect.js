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

  function labelMatches(element, step) {
    const wanted = (step.texts ?? []).map(normalize).filter(Boolean);
    const name = normalize(accessibleName(element));
    return Boolean(name) && wanted.some((text) => name === text || name.includes(text));
  }

  // LinkedIn names its settings' switches with stable keys: an aria-labelledby token or the element's id.
  function keyMatches(element, step) {
    const keys = step.keys ?? [];
    const tokens = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    return keys.some((key) => element.id === key || tokens.includes(key));
  }

  const byLabel = (doc, step) => [...doc.querySelectorAll(SWITCHES)].filter((element) => labelMatches(element, step));
  const byKey = (doc, step) => [...doc.querySelectorAll(SWITCHES)].filter((element) => keyMatches(element, step));

  // A switch that another setting's key or label names is that setting's, whatever page we are on.
  function claimedByAnother(element, others) {
    return others.some((other) => (other.find ?? []).some((step) =>
      (step.strategy === 'key' && keyMatches(element, step)) || (step.strategy === 'label' && labelMatches(element, step))));
  }

  // Only inside the main content: the header and side panels may hold switches of their own. During in-app
  // navigation the previous settings page may linger in the DOM: its switch is named for its own setting, so it is
  // not counted (`others` are the platform's other settings).
  function onlySwitch(doc, step, others) {
    const main = doc.querySelector(MAIN);
    const switches = main ? [...main.querySelectorAll('[role="switch"]')].filter((s) => !claimedByAnother(s, others)) : [];
    return switches.length === 1 ? switches : [];
  }

  const STRATEGIES = { 'key': byKey, 'label': byLabel, 'only-switch': onlySwitch };

  /**
   * Returns {found: true, value, element, strategy} or {found: false}.
   * Not finding the toggle, or finding several that disagree, is "unknown", never Off.
   * others: the platform's other settings, whose switches the structural fallback must not take for this one.
   */
  function find(doc, setting, others = []) {
    for (const step of setting.find ?? []) {
      const strategy = STRATEGIES[step.strategy];
      if (!strategy) continue;
      const candidates = strategy(doc, step, others.filter((o) => o.id !== setting.id))
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
