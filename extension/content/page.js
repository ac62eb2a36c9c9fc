// Reads who is looking at the page: whether a member is signed in, and which member, from what LinkedIn keeps for a
// signed-in member and from the member's own navigation, never from the page's content ("the page is not the member").
(() => {
  const untrain = (globalThis.untrain ??= {});

  // The classic navigation bar; logged-out pages have a different, "guest" header, so a bare <header> proves nothing.
  const GLOBAL_NAV = '#global-nav, .global-nav';
  // Where the member's own profile link sits: LinkedIn's rebuilt UI hashes its class names, so landmarks are looked
  // at too, not only the classic bar (docs/linkedin.md, "Signed-in signals").
  const NAVIGATION = `${GLOBAL_NAV}, header, nav, [role="navigation"], [role="banner"]`;
  // A post's header or an author's card is the page's content, not the member's navigation.
  const CONTENT = 'main, [role="main"], article, [role="article"]';
  const PROFILE_PATH = /^\/in\/([^/?#]+)/;
  // localStorage keys LinkedIn's web app keeps for a signed-in member (Brave's PSST, docs/linkedin.md).
  const SIGNED_IN_STORAGE = 'voyager';

  const globalNav = (doc) => doc.querySelector(GLOBAL_NAV);

  // LinkedIn sets liap=true for a signed-in member; it has been seen as "True" too (docs/linkedin.md).
  function liap(doc) {
    return String(doc.cookie || '').split(';').some((pair) => {
      const at = pair.indexOf('=');
      return at > 0 && pair.slice(0, at).trim() === 'liap' && pair.slice(at + 1).trim().toLowerCase() === 'true';
    });
  }

  function voyagerStorage(doc) {
    try {
      const storage = doc.defaultView?.localStorage;
      for (let i = 0; i < (storage?.length ?? 0); i += 1) {
        if (String(storage.key(i) ?? '').startsWith(SIGNED_IN_STORAGE)) return true;
      }
    } catch {
      // Storage the browser refuses to show (blocked cookies, an opaque origin) says nothing either way.
    }
    return false;
  }

  function profileId(link, doc) {
    let path;
    try {
      path = new URL(link.getAttribute('href'), doc.baseURI).pathname;
    } catch {
      return null;
    }
    const match = PROFILE_PATH.exec(path);
    // The slug as the parsed URL spells it (raw non-ASCII percent-encoded), never decoded: the host keeps it so
    // (docs/protocol.md, "The account id"), and anything else is no account at all.
    return match ? untrain.messages.accountId(match[1]) : null;
  }

  /** The distinct profile ids the member's navigation links to (outside the page's content). */
  function navigationProfiles(doc) {
    const ids = new Set();
    for (const nav of doc.querySelectorAll(NAVIGATION)) {
      if (nav.closest(CONTENT)) continue;
      for (const link of nav.querySelectorAll('a[href*="/in/"]')) {
        const id = profileId(link, doc);
        if (id !== null) ids.add(id);
      }
    }
    return ids;
  }

  /** Signed in: the liap cookie, a voyager… localStorage key, the classic navigation bar, or a navigation with a profile link. */
  function isLoggedIn(doc) {
    return liap(doc) || voyagerStorage(doc) || globalNav(doc) !== null || navigationProfiles(doc).size > 0;
  }

  /**
   * The member's public profile id from their own profile link in the navigation, wherever the navigation puts it;
   * null when the page does not show it, or when the navigation links to several profiles and so cannot tell.
   */
  function account(doc) {
    const ids = navigationProfiles(doc);
    return ids.size === 1 ? [...ids][0] : null;
  }

  untrain.page = { globalNav, isLoggedIn, account };
})();
