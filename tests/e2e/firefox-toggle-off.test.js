'use strict';
// Firefox scenario 2: the member switches the toggle off; untrain records the change and stops warning.

const assert = require('node:assert/strict');
const { scenario, staysFalse } = require('./firefox-harness');
const { SETTING_PATH, SETTING_URL } = require('./harness');

scenario('in Firefox, switching the toggle off is recorded as user-change and removes the banner', { host: true, state: 'on', name: 'firefox-toggle-off' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the page-load observation', async () => (await h.trail()).length === 1);
  await h.waitFor("the banner to show 'on'", async () => (await h.bannerState()) === 'on');

  await h.page.click('#ai-toggle');
  assert.equal(await h.isChecked('#ai-toggle'), false, 'the fixture switched the toggle off');

  const trail = await h.waitFor('the user-change observation', async () => {
    const events = await h.trail();
    return events.length >= 2 && events;
  });
  assert.deepEqual(trail.map((e) => [e.value, e.source]), [[true, 'page-load'], [false, 'user-change']]);
  assert.equal(trail[1].url, SETTING_URL);

  // The banner goes once the host has the change: the content script has asked and heard "off".
  await h.waitFor('the banner to go away on the settings page', async () => (await h.bannerState()) === null);

  await h.goto('/feed/');
  await staysFalse('no banner on the feed once the setting is off', () => h.bannerState());
  assert.equal((await h.trail()).length, 2, 'visiting the feed records nothing');
});
