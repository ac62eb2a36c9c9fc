// The structural fallback: the one switch of the page's own content area, taken only where it cannot be another
// setting's switch or the previous page's (docs/linkedin.md, "What the rules use"); when in doubt, none.
(() => {
  const untrain = (globalThis.untrain ??= {});

  const SWITCHES = '[role="switch"], input[type="checkbox"]';
  const HEADINGS = 'h1, [role="heading"][aria-level="1"]';
  // The region that holds the page's heading, found without relying on <main>, which LinkedIn's rebuilt UI may not
  // have (docs/linkedin.md, "How the settings pages render switches"); the heading's parent where no region encloses it.
  const REGIONS = 'section, article, form, main, dialog, [role="main"], [role="region"], [role="form"], [role="dialog"]';
  // Parts of a page that are not its content, even inside the region: a side panel or a navigation with switches of its own.
  const NOT_CONTENT = 'aside, nav, [role="complementary"], [role="navigation"]';
  // The site's own header may carry a level-1 heading of its own (a logo's name): never the page's.
  const SITE_HEADER = `${NOT_CONTENT}, [role="banner"], #global-nav, .global-nav`;

  const headingText = (heading) => untrain.labels.words(heading.textContent).join(' ');

  /**
   * What is on screen when an in-app navigation begins: the previous page's switches and headings. LinkedIn changes
   * the URL first and replaces the page seconds later (docs/linkedin.md, "The setting the product exists for").
   */
  function snapshot(doc) {
    const headings = [...doc.querySelectorAll(HEADINGS)];
    return {
      switches: new WeakSet(doc.querySelectorAll(SWITCHES)),
      headings: new WeakSet(headings),
      texts: new Set(headings.map(headingText).filter(Boolean)),
    };
  }

  const outsideContent = (element, area) => {
    const aside = element.closest(NOT_CONTENT);
    return aside !== null && aside !== area && area.contains(aside);
  };

  /** The page's content area: {area, headings} for the one region that holds its level-1 headings, or null. */
  function contentArea(doc) {
    const areas = new Map();
    for (const heading of doc.querySelectorAll(HEADINGS)) {
      if (heading.closest(SITE_HEADER)) continue;
      const area = heading.parentElement?.closest(REGIONS) ?? heading.parentElement;
      if (!area) continue;
      areas.set(area, [...(areas.get(area) ?? []), heading]);
    }
    if (areas.size !== 1) return null;
    const [[area, headings]] = areas;
    return { area, headings };
  }

  /**
   * The fallback's pick: {element} or {element: null, refused} saying why not. claimedElsewhere(element)
   * tells whether another setting's key or label, or a key untrain knows but does not manage, names the switch;
   * lingering: a snapshot() from the start of the current in-app navigation (null after a full page load).
   */
  function pick(doc, { claimedElsewhere = () => false, lingering = null } = {}) {
    const content = contentArea(doc);
    if (!content) return { element: null, refused: 'no-content-area' };
    const switches = [...content.area.querySelectorAll(SWITCHES)].filter((s) => !outsideContent(s, content.area));
    if (switches.length === 0) return { element: null, refused: 'no-switch' };
    if (switches.length > 1) return { element: null, refused: 'several-switches' };
    const [element] = switches;
    if (lingering && (lingering.switches.has(element)
      || content.headings.some((h) => lingering.headings.has(h) || lingering.texts.has(headingText(h))))) {
      return { element: null, refused: 'lingering' };
    }
    if (claimedElsewhere(element)) return { element: null, refused: 'claimed' };
    return { element };
  }

  untrain.fallback = { pick, snapshot, contentArea, SWITCHES };
})();
