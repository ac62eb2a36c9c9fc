'use strict';
// The optional "On again" browser notification: off by default; switching it on in the options page asks the browser
// for the `notifications` permission during the member's own click, and without the permission the option stays off;
// once granted, the background shows one notification when a setting untrain read Off is read On again.

const assert = require('node:assert/strict');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: the options page and the service worker are reachable there (h.can.extensionPages). Headless Chromium
// shows the permission's prompt but offers no way to answer it, so the granted half stands the browser's
// `notifications` API in for the service worker, where the background calls it.
const scenario = scenarios(module, { browsers: ['chromium'] });

const worker = async (h) => h.context.serviceWorkers()[0] ?? h.context.waitForEvent('serviceworker', { timeout: 10000 });

scenario('the option asks for the permission at the member\'s click, and the background notifies once when a setting is On again', { state: 'on', name: 'on-again-notification' }, async (h) => {
  // Records each permissions.request of our pages, and whether the member's click was still active then.
  await h.context.addInitScript(() => {
    if (location.protocol !== 'chrome-extension:' || !globalThis.chrome?.permissions) return;
    const request = chrome.permissions.request.bind(chrome.permissions);
    globalThis.untrainAsked = [];
    chrome.permissions.request = (wanted, ...rest) => {
      globalThis.untrainAsked.push({ wanted, gesture: navigator.userActivation.isActive });
      return request(wanted, ...rest);
    };
  });
  const sw = await worker(h);
  const granted = () => sw.evaluate(() => chrome.permissions.contains({ permissions: ['notifications'] }));
  assert.equal(await granted(), false, 'no notifications permission at install');

  const options = await h.openExtensionPage('options/options.html', { width: 600, height: 600 });
  const box = options.locator('input[name="notifyOnAgain"]');
  assert.equal(await box.isChecked(), false, 'off by default');
  await box.click();
  const asked = await h.waitFor('the permission request', () => options.evaluate(() => (globalThis.untrainAsked.length ? globalThis.untrainAsked : null)));
  assert.deepEqual(asked, [{ wanted: { permissions: ['notifications'] }, gesture: true }]);
  await h.screenshot('options-notify.png', options);
  await options.close(); // the prompt unanswered: nothing granted
  assert.equal(await granted(), false);
  const stored = await sw.evaluate(async () => (await chrome.storage.local.get('options')).options ?? null);
  assert.notEqual(stored?.notifyOnAgain, true, 'without the permission the option is not on');

  // Granted, as the browser would after the member's "Allow": the option on, and the API the permission brings.
  await sw.evaluate(async () => {
    await chrome.storage.local.set({ options: { snoozeDays: 1, staleAfterDays: 30, banner: true, notifyOnAgain: true } });
    globalThis.untrainShown = [];
    const stand = { create: async (id, options) => { globalThis.untrainShown.push({ id, ...options }); return id; }, clear: async () => true,
      onClicked: { addListener: () => {} } };
    for (const api of new Set([globalThis.browser, globalThis.chrome].filter(Boolean))) {
      Object.defineProperty(api, 'notifications', { value: stand, configurable: true });
      Object.defineProperty(api.permissions, 'contains', { value: async () => true, configurable: true });
    }
  });
  const shown = () => sw.evaluate(() => globalThis.untrainShown);

  // Off, then On at the next visit: "On again".
  await h.goto(`${SETTING_PATH}?fixture-state=off`);
  await h.waitFor('the Off observation', async () => (await h.trail()).length === 1);
  assert.deepEqual(await shown(), [], 'nothing to say while it is Off');
  await h.goto(SETTING_PATH);
  await h.waitFor('the On observation', async () => (await h.trail()).length === 2);
  const [notice] = await h.waitFor('the notification', async () => {
    const list = await shown();
    return list.length > 0 && list;
  });
  assert.equal(notice.id, 'on-again:linkedin:ai-training');
  assert.equal(notice.type, 'basic');
  assert.match(notice.iconUrl, /^chrome-extension:\/\/[a-p]{32}\/icons\/icon-128\.png$/);
  assert.equal(notice.title, '“Data for Generative AI Improvement” is On again');
  assert.match(notice.message, /^On again: it was switched off on .+ \(logged\); untrain did not see it switched back on\.$/);

  // Read On again at the next visit: the same return, not a second notification.
  await h.goto(SETTING_PATH);
  await h.waitFor('the third observation', async () => (await h.trail()).length === 3);
  await h.page.waitForTimeout(1000);
  assert.equal((await shown()).length, 1, 'once per return');
});
