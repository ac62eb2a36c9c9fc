// Reads who is looking at the page: whether a member is logged in, and which member.
(() => {
  const untrain = (globalThis.untrain ??= {});

  // The member's navigation bar; logged-out pages have a different, "guest" header, so a bare <header> proves nothing.
  const GLOBAL_NAV = '#global-nav, .global-nav';
  const PROFILE_PATH = /^\/in\/([^/?#]+)/;

  const globalNav = (doc) => doc.querySelector(GLOBAL_NAV);

  // Brave's privacy-settings feature uses the same cookie: LinkedIn sets liap=true for a logged-in member.
  function isLoggedIn(doc) {
    const cookies = (doc.cookie || '').split(/;\s*/);
    return cookies.includes('liap=true') || globalNav(doc) !== null;
  }

  /** The member's public profile id from the "Me" link in the header, or null when the page doesn't show it. */
  function account(doc) {
    const nav = globalNav(doc) ?? doc.querySelector('header');
    for (const link of nav ? nav.querySelectorAll('a[href*="/in/"]') : []) {
      let path;
      try {
        path = new URL(link.getAttribute('href'), doc.baseURI).pathname;
      } catch {
        continue;
      }
      const match = PROFILE_PATH.exec(path);
      if (!match) continue;
      let id;
      try {
        id = decodeURIComponent(match[1]);
      } catch {
        continue;
      }
      if (id.length >= 1 && id.length <= untrain.messages.limits.ACCOUNT) return id;
    }
    return null;
  }

  untrain.page = { globalNav, isLoggedIn, account };
})();
