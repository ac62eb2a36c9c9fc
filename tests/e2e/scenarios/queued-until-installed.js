'use strict';
// Scenario 6: an observation made while the helper is missing waits in the outbox and reaches the log once it is installed.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: it reads the outbox in the extension's storage (h.can.extensionPages), which WebDriver BiDi does not
// reach in Firefox (firefox-harness.js).
const scenario = scenarios(module, { browsers: ['chromium'] });

scenario('an observation queued without the host is delivered once, in the end, after the host is installed', { host: false, name: 'queued-until-installed' }, async (h) => {
  const before = Date.now();
  await h.goto(SETTING_PATH);
  await h.waitFor('the observation to wait in the outbox', async () => (await h.outbox()).length === 1);
  // Without the helper the setting's state is still shown, from this browser's copy: here by the callout.
  await h.waitFor('the callout to say it is On', async () => (await h.callout())?.step === 'on');
  const queuedAt = Date.now();

  await h.installHost();
  // Any page's status request flushes the outbox before asking for the verdict.
  await h.goto('/feed/');
  const [event] = await h.waitFor('the queued observation in the log', async () => {
    const trail = await h.trail();
    return trail.length > 0 && trail;
  });
  assert.equal(event.source, 'page-load');
  assert.equal(event.value, true);
  assert.equal(event.url, SETTING_URL, 'the URL where it was read, not the page that flushed it');
  assert.ok(event.time >= before && event.time <= queuedAt, 'the time it was read, not the time it was delivered');
  await h.waitFor('the outbox to empty', async () => (await h.outbox()).length === 0);
  await h.waitFor("the banner to show 'on'", async () => (await h.bannerState()) === 'on');
  assert.equal((await h.trail()).length, 1, 'delivered exactly once');
});
