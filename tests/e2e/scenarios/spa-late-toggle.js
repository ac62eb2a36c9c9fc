'use strict';
// Scenario 4: the member reaches the setting by in-app navigation (pushState) and the toggle renders late.

const assert = require('node:assert/strict');
const { SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers: everything here is read from the page, the fixture server and the host binary.
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

scenario('a toggle rendered late after pushState navigation is recorded once as page-load', { host: true, state: 'on', name: 'spa-late-toggle' }, async (h) => {
  await h.goto('/feed/');
  // Nothing has been observed yet, so the banner asks the member to let untrain check.
  await h.waitFor("the banner to show 'unknown'", async () => (await h.bannerState()) === 'unknown');
  assert.deepEqual(await h.trail(), []);

  await h.click('#ai-settings-link');
  assert.equal(h.url(), SETTING_URL, 'the fixture navigated with pushState');
  assert.ok(!h.server.fixture.requests.includes('GET /mypreferences/d/settings/data-for-ai-improvement'),
    'the settings page was never loaded from the server: only pushState got there');

  const [event] = await h.waitFor('the observation of the late toggle', async () => {
    const trail = await h.trail();
    return trail.length > 0 && trail;
  }, { timeoutMs: 20000 });
  assert.equal(event.source, 'page-load');
  assert.equal(event.value, true);
  assert.equal(event.url, SETTING_URL);
  assert.equal(event.account, 'jane-doe');

  // The callout took the banner's place on the setting's page (never both).
  await h.waitFor('the callout to say it is On', async () => (await h.callout())?.step === 'on');
  await h.waitFor('the banner to give way', async () => (await h.bannerState()) === null);
  // A duplicate would come from a second navigation signal or a DOM mutation, within moments: give it the chance.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal((await h.trail()).length, 1, 'the visit is recorded once, not per navigation signal or mutation');
});
