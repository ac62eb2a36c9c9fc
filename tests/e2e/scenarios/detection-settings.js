'use strict';
// Every data-sharing and advertising setting of the rules on its own fixture page, in Chromium: found by its key and
// logged under its own id; switched off for the member on request; and in-app navigation from one settings page to
// another logs the new setting from its own toggle, never from the previous page's toggle still on screen.

const assert = require('node:assert/strict');
const { RULES, SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: it runs the extension's detector in the content script's world (h.can.contentScript), which
// WebDriver BiDi does not reach (firefox-harness.js).
const scenario = scenarios(module, { browsers: ['chromium'] });

// Settings that share a page (LinkedIn promotions) are read together, in scenarios/linkedin-variants.js.
const OTHERS = RULES.settings.filter((s) => s.id !== 'ai-training' && RULES.settings.filter((o) => o.page === s.page).length === 1);

scenario('each data-sharing and advertising setting is found by its key and logged as itself', { state: 'on', name: 'detection-settings' }, async (h) => {
  for (const [i, setting] of OTHERS.entries()) {
    const state = i % 2 ? 'off' : 'on';
    await h.goto(`${setting.page}?fixture-state=${state}`);
    const found = await h.detect(setting.id);
    assert.equal(found.found, true, setting.id);
    assert.equal(found.strategy, 'key', setting.id);
    assert.equal(found.value, state === 'on', setting.id);
    const event = await h.waitFor(`the observation of ${setting.id}`, async () => (await h.trail()).find((e) => e.setting === setting.id));
    assert.equal(event.value, state === 'on', setting.id);
    assert.equal(await h.waitFor(`the callout of ${setting.id}`, async () => (await h.callout())?.step), state === 'on' ? 'on' : 'off');
  }
  assert.equal((await h.trail()).length, OTHERS.length, 'one observation per page, each for its own setting');
  const status = await h.hostStatus();
  for (const [i, setting] of OTHERS.entries()) {
    assert.equal(status.settings.find((s) => s.setting === setting.id).verdict, i % 2 ? 'off' : 'on-by-default', setting.id);
  }

  // "Switch it off for me" works for any setting the rules describe.
  const research = OTHERS[0];
  await h.goto(research.page);
  await h.waitFor('the callout', async () => (await h.callout())?.step === 'on');
  await h.page.locator('#untrain-callout button.switch-off').click();
  await h.waitFor('switched off', async () => (await h.callout())?.step === 'switched-off');
  const assisted = (await h.trail()).filter((e) => e.source === 'assisted');
  assert.deepEqual(assisted.map((e) => [e.setting, e.value]), [[research.id, false]]);
});

scenario('in-app navigation between settings pages logs each from its own toggle', { state: 'on', name: 'detection-spa-settings' }, async (h) => {
  await h.goto(`${SETTING_PATH}?fixture=spa`);
  await h.waitFor('the AI-training observation', async () => (await h.trail()).length === 1);
  await h.page.click('#ads-beyond-link');
  assert.match(h.page.url(), /\/ads-beyond-linkedin$/);
  // For about 2 s the AI-training toggle (On) is still the only switch on a page whose URL is "Ads beyond LinkedIn".
  assert.deepEqual(await h.detect('ads-beyond-linkedin'), { found: false });
  const event = await h.waitFor('the ads-beyond-linkedin observation', async () => (await h.trail()).find((e) => e.setting === 'ads-beyond-linkedin'), { timeoutMs: 8000 });
  assert.equal(event.value, false, 'read from its own toggle (Off), not the previous page\'s (On)');
  assert.equal(event.url, 'https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin');
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.deepEqual((await h.trail()).map((e) => [e.setting, e.value]), [['ai-training', true], ['ads-beyond-linkedin', false]]);
});
