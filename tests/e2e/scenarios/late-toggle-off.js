'use strict';
// Scenario 5: a full page load whose toggle, already Off, renders about 2 s after the page.

const assert = require('node:assert/strict');
const { SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers: everything here is read from the page and from the host binary (in Firefox "settled on off" is the
// banner staying away, see firefox-harness.js).
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

scenario('a toggle rendered late and found Off is recorded once and no banner is shown', { host: true, state: 'on', name: 'late-toggle-off' }, async (h) => {
  const query = '?fixture=late&fixture-state=off';
  await h.goto(`/mypreferences/d/settings/data-for-ai-improvement${query}`);
  assert.equal(await h.count('#ai-toggle'), 0, 'the toggle is not there when the page has loaded');
  // Until the toggle shows, the setting is unknown: the banner says so rather than assuming Off.
  await h.waitFor("the banner to show 'unknown'", async () => (await h.bannerState()) === 'unknown');

  const [event] = await h.waitFor('the observation of the late toggle', async () => {
    const trail = await h.trail();
    return trail.length > 0 && trail;
  });
  assert.equal(event.value, false);
  assert.equal(event.source, 'page-load');
  assert.equal(event.url, SETTING_URL, 'the setting\'s page as the rules name it, without the query it was opened with');

  await h.waitFor('the banner to go away', async () => (await h.bannerState()) === null);
  assert.equal(await h.settledBannerState('off'), 'off');
  assert.equal((await h.trail()).length, 1);
});
