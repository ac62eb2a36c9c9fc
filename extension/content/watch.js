// Waits for things LinkedIn renders late: the toggle after a page load, and the next page after in-app navigation.
(() => {
  const untrain = (globalThis.untrain ??= {});

  /**
   * Calls find() until it returns {found: true}, re-checking when the DOM changes, for at most timeoutMs (Infinity:
   * until stopped).
   * Resolves with the last result ({found: false} on time-out). stop() ends the wait early with {found: false}.
   */
  function untilFound(find, { root = document.documentElement, timeoutMs = 20000, settleMs = 100 } = {}) {
    let observer = null;
    let timer = null;
    let pending = null;
    let finish;
    const promise = new Promise((resolve) => {
      finish = (result) => {
        observer?.disconnect();
        clearTimeout(timer);
        clearTimeout(pending);
        observer = null;
        resolve(result);
      };
    });
    const check = () => {
      pending = null;
      const result = find();
      if (result.found) finish(result);
    };
    const first = find();
    if (first.found) {
      finish(first);
    } else {
      // LinkedIn mutates the DOM constantly: look at most once per settleMs, not once per mutation.
      observer = new MutationObserver(() => { pending ??= setTimeout(check, settleMs); });
      observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-checked', 'role', 'aria-labelledby'] });
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => finish(find()), timeoutMs);
    }
    return { promise, stop: () => finish({ found: false }) };
  }

  /**
   * Calls onChange(href) after each in-app navigation. LinkedIn navigates with history.pushState from its own
   * scripts, which a content script cannot wrap: it runs in an isolated world with its own copy of `history`
   * (https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#isolated_world).
   * The Navigation API reports those navigations to every world
   * (https://developer.mozilla.org/en-US/docs/Web/API/Navigation_API); only where it is missing do we poll.
   * onLeave(), where the API exists, is called as a navigation begins (its `navigate` event, before the URL changes
   * and before LinkedIn renders the next page), so that what is on screen then can be told apart from what follows.
   */
  function navigations(onChange, { win = globalThis, pollMs = 500, onLeave = null } = {}) {
    let last = win.location.href;
    const changed = () => {
      const href = win.location.href;
      if (href === last) return;
      last = href;
      onChange(href);
    };
    const stops = [];
    const listen = (target, type) => {
      target.addEventListener(type, changed);
      stops.push(() => target.removeEventListener(type, changed));
    };
    listen(win, 'popstate');
    if (win.navigation && typeof win.navigation.addEventListener === 'function') {
      // Fires after each same-document navigation, pushState included, once the URL has changed.
      listen(win.navigation, 'navigatesuccess');
      if (onLeave) {
        win.navigation.addEventListener('navigate', onLeave);
        stops.push(() => win.navigation.removeEventListener('navigate', onLeave));
      }
    } else {
      const poll = setInterval(changed, pollMs);
      stops.push(() => clearInterval(poll));
    }
    return () => stops.forEach((stop) => stop());
  }

  untrain.watch = { untilFound, navigations };
})();
