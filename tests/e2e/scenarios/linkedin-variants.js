'use strict';
// The cases of LinkedIn's real markup that must hold in both browsers: a German page read from its published label
// beside a second switch; an in-app move from the Data sharing page to the AI-training page while the old switch
// lingers for seconds; and the promotions page's two switches, each logged under its own id. No row of the trail is
// ever one setting's state under another's id.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers: everything is read from the page, our callout and the host binary; Chromium also looks into the
// content script's world where it can (h.can.contentScript).
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

const DATA_SHARING = '/mypreferences/d/settings/share-data-with-select-partners';
const PROMOTIONS = '/mypreferences/d/settings/linkedin-promotions';
const rows = (trail) => trail.map((e) => [e.setting, e.source, e.value]);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

scenario('a German page is read from its published label beside a second switch, and the member\'s change too', { state: 'on', name: 'variants-german' }, async (h) => {
  await h.goto(`${SETTING_PATH}?fixture=de`);
  const event = await h.waitFor('the observation', async () => (await h.trail())[0]);
  assert.deepEqual([event.setting, event.value, event.account], ['ai-training', true, 'jane-doe']);
  if (h.can.contentScript) assert.deepEqual(await h.detect('ai-training'), { found: true, value: true, strategy: 'label', id: 'ai-toggle' });
  assert.equal(await h.waitFor('the callout', async () => (await h.callout())?.step), 'on');

  // The member switches it off on LinkedIn's own toggle: the artdeco wrapper handles their click.
  await h.click('#ai-toggle');
  await h.waitFor('the member\'s change', async () => (await h.trail()).length === 2);
  await pause(1000);
  assert.deepEqual(rows(await h.trail()), [['ai-training', 'page-load', true], ['ai-training', 'user-change', false]],
    'the second switch on the page is never logged');
});

scenario('after an in-app move from Data sharing, the lingering switch is never read as AI training', { state: 'on', name: 'variants-spa-from-data-sharing' }, async (h) => {
  // With the published keys, and with every key gone (only the lingering guard can tell the old switch then).
  for (const variant of ['spa', 'spa-unkeyed']) {
    const before = (await h.trail()).length;
    await h.goto(`${DATA_SHARING}?fixture=${variant}`);
    const sharing = await h.waitFor(`the Data sharing observation (${variant})`, async () => (await h.trail())[before]);
    assert.deepEqual([sharing.setting, sharing.value], ['data-sharing', true], variant);

    await h.click('#ai-link');
    assert.equal(h.url(), SETTING_URL, 'the fixture navigated with pushState');
    // For three seconds the Data sharing switch (On) is the only switch under a URL that says AI training.
    const lingering = Date.now();
    while (Date.now() - lingering < 2200) {
      assert.equal((await h.trail()).length, before + 1, `${variant}: nothing is logged while the old page lingers`);
      if (h.can.contentScript) {
        const state = await h.contentState();
        assert.deepEqual([state.setting, state.phase], ['ai-training', 'waiting'], variant);
      }
      await pause(200);
    }
    const ai = await h.waitFor(`the AI-training observation (${variant})`, async () => (await h.trail())[before + 1], { timeoutMs: 8000 });
    assert.deepEqual([ai.setting, ai.value, ai.url], ['ai-training', false, SETTING_URL], `${variant}: read from its own toggle (Off)`);
    await pause(800);
    assert.deepEqual(rows((await h.trail()).slice(before)), [['data-sharing', 'page-load', true], ['ai-training', 'page-load', false]], variant);
  }
});

scenario('the promotions page\'s two switches are each logged under their own id, and a change of one as that one', { state: 'off', name: 'variants-promotions' }, async (h) => {
  await h.goto(PROMOTIONS);
  await h.waitFor('both observations', async () => (await h.trail()).length === 2);
  assert.deepEqual(rows(await h.trail()).sort(), [['promotions-email-tips', 'page-load', true], ['promotions-marketing', 'page-load', false]]);
  const callout = await h.waitFor('the callout for the On setting', async () => {
    const c = await h.callout();
    return c?.step === 'on' && c;
  });
  assert.match(callout.text, /tips for using LinkedIn by email/);

  await h.click('#marketing-toggle');
  await h.waitFor('the member\'s change', async () => (await h.trail()).length === 3);
  await pause(1000);
  const trail = await h.trail();
  assert.deepEqual(rows(trail.slice(2)), [['promotions-marketing', 'user-change', true]], 'the other switch is not logged again');
  assert.deepEqual(trail.map((e) => e.account), ['jane-doe', 'jane-doe', 'jane-doe']);
});
