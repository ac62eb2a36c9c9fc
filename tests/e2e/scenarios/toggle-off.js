'use strict';
// Scenario 2: the member switches the toggle off; untrain records the change and stops warning.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers: everything here is read from the page and from the host binary (in Firefox "settled on off" is the
// banner staying away, see firefox-harness.js).
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

scenario('switching the toggle off is recorded as user-change and removes the banner on the feed', { host: true, state: 'on', name: 'toggle-off' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the page-load observation', async () => (await h.trail()).length === 1);
  // On the setting's page the callout speaks for it, not the banner.
  await h.waitFor('the callout to say it is On', async () => (await h.callout())?.step === 'on');
  assert.equal(await h.bannerState(), null);

  await h.click('#ai-toggle');
  assert.equal(await h.isChecked('#ai-toggle'), false, 'the fixture switched the toggle off');

  const trail = await h.waitFor('the user-change observation', async () => {
    const events = await h.trail();
    return events.length >= 2 && events;
  });
  assert.deepEqual(trail.map((e) => [e.value, e.source]), [[true, 'page-load'], [false, 'user-change']]);
  assert.ok(trail[1].seq > trail[0].seq, 'the change comes after the first observation in the log');
  assert.equal(trail[1].account, 'jane-doe');
  assert.equal(trail[1].url, SETTING_URL);

  // The callout follows the member's change: Off.
  await h.waitFor('the callout to say it is Off', async () => (await h.callout())?.step === 'off');

  await h.goto('/feed/');
  assert.equal(await h.settledBannerState('off'), 'off');
  assert.equal(await h.bannerState(), null, 'no banner on the feed once the setting is off');
  assert.equal((await h.trail()).length, 2, 'visiting the feed records nothing');
});
