// Finds a setting's toggle on its page and reads whether it is On, following the rule's strategies in order: its key,
// its label, then the structural fallback (fallback.js), which takes nothing it is unsure of.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const { SWITCHES } = untrain.fallback;
  // LinkedIn's toggle component: the wrapper, not the input inside it, handles the click (docs/linkedin.md,
  // "How the settings pages render switches").
  const ARTDECO_WRAPPER = '.artdeco-toggle';

  function accessibleName(element) {
    const doc = element.ownerDocument;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
      if (text.trim()) return text;
    }
    const ariaLabel = element.getAttribute('aria-label');
    if (ariaLabel && ariaLabel.trim()) return ariaLabel;
    const labels = element.labels ? [...element.labels] : [];
    if (!labels.length && element.id) labels.push(...[...doc.querySelectorAll('label[for]')].filter((l) => l.getAttribute('for') === element.id));
    return labels.map((label) => label.textContent).join(' ');
  }

  /**
   * true for On, false for Off, null when the element does not say. A checkbox's state is its `checked` property:
   * LinkedIn sets no attribute (docs/linkedin.md, "How the settings pages render switches").
   */
  function readState(element) {
    if (element.localName === 'input' && element.type === 'checkbox') return element.checked;
    const checked = element.getAttribute('aria-checked');
    if (checked === 'true') return true;
    if (checked === 'false') return false;
    return null;
  }

  /** What to click to flip `element` as the member would: its artdeco wrapper when it sits alone in one, else itself. */
  function clickTarget(element) {
    const wrapper = element.parentElement?.closest(ARTDECO_WRAPPER) ?? null;
    return wrapper && wrapper.querySelectorAll(SWITCHES).length === 1 ? wrapper : element;
  }

  const labelMatches = (element, step) => untrain.labels.saysAny(accessibleName(element), step.texts);

  // LinkedIn names its settings' switches with stable keys: an aria-labelledby token or the element's id.
  function keyMatches(element, keys) {
    const tokens = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
    return (keys ?? []).some((key) => element.id === key || tokens.includes(key));
  }

  /**
   * What names a switch for someone other than `setting`: every other setting's keys and labels, and the keys untrain
   * knows but does not manage (the rules' `unmanaged_keys`).
   */
  function claimsOf(setting, rules) {
    const others = (rules?.settings ?? []).filter((other) => other.id !== setting.id);
    const steps = others.flatMap((other) => other.find ?? []);
    const keys = [...steps.filter((s) => s.strategy === 'key').flatMap((s) => s.keys), ...(rules?.unmanaged_keys ?? []).map((k) => k.key)];
    const labels = steps.filter((s) => s.strategy === 'label');
    return (element) => keyMatches(element, keys) || labels.some((step) => labelMatches(element, step));
  }

  const all = (doc) => [...doc.querySelectorAll(SWITCHES)];
  const STRATEGIES = {
    'key': (doc, step) => all(doc).filter((element) => keyMatches(element, step.keys)),
    'label': (doc, step) => all(doc).filter((element) => labelMatches(element, step)),
    'only-switch': (doc, step, context) => {
      const { element } = untrain.fallback.pick(doc, context);
      return element ? [element] : [];
    },
  };

  /**
   * Returns {found: true, value, element, target, strategy} or {found: false}; target is what to click (clickTarget).
   * Not finding the toggle, or finding several that disagree, is "unknown", never Off.
   * rules: the platform's rules, whose other settings' switches the fallback must not take for this one;
   * lingering: fallback.snapshot() taken when the current in-app navigation began (null after a page load).
   */
  function find(doc, setting, { rules = null, lingering = null } = {}) {
    const context = { claimedElsewhere: claimsOf(setting, rules), lingering };
    for (const step of setting.find ?? []) {
      const strategy = STRATEGIES[step.strategy];
      if (!strategy) continue;
      const candidates = strategy(doc, step, context)
        .map((element) => ({ element, value: readState(element) }))
        .filter((c) => c.value !== null);
      if (!candidates.length) continue;
      if (candidates.some((c) => c.value !== candidates[0].value)) return { found: false };
      const { element, value } = candidates[0];
      return { found: true, value, element, target: clickTarget(element), strategy: step.strategy };
    }
    return { found: false };
  }

  untrain.detect = { find, readState, accessibleName, clickTarget };
})();
