'use strict';
// In-app navigation as the content script sees it: onLeave as a navigation begins (what is on screen then is the
// previous page's), onChange once the URL has changed; and polling where the Navigation API is missing.

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');

const { watch } = load('content/watch.js');

// A window whose Navigation API fires `navigate` before the URL changes and `navigatesuccess` after, as pushState does.
function fakeWindow({ navigationApi = true } = {}) {
  const win = new EventTarget();
  win.location = { href: 'https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners' };
  if (navigationApi) win.navigation = new EventTarget();
  win.pushState = (href) => {
    win.navigation?.dispatchEvent(new Event('navigate'));
    win.location.href = href;
    win.navigation?.dispatchEvent(new Event('navigatesuccess'));
  };
  return win;
}

test('onLeave is called as an in-app navigation begins, before onChange sees the new URL', () => {
  const win = fakeWindow();
  const seen = [];
  const stop = watch.navigations((href) => seen.push(`change ${href}`), { win, onLeave: () => seen.push(`leave ${win.location.href}`) });
  win.pushState('https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement');
  assert.deepEqual(seen, [
    'leave https://www.linkedin.com/mypreferences/d/settings/share-data-with-select-partners',
    'change https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement',
  ]);
  stop();
  win.pushState('https://www.linkedin.com/feed/');
  assert.equal(seen.length, 2, 'stop() removes every listener');
});

test('without the Navigation API a navigation is found by polling, and onLeave is never called', async () => {
  const win = fakeWindow({ navigationApi: false });
  const seen = [];
  const stop = watch.navigations((href) => seen.push(href), { win, pollMs: 5, onLeave: () => seen.push('leave') });
  win.location.href = 'https://www.linkedin.com/feed/';
  await new Promise((resolve) => setTimeout(resolve, 30));
  stop();
  assert.deepEqual(seen, ['https://www.linkedin.com/feed/']);
});
