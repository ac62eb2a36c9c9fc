'use strict';
// Scenario 3: the native helper is not installed; the banner says so and observations wait in the outbox.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers; in Firefox the outbox is out of reach (h.can.extensionPages), and the banner is waited for instead.
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

scenario('without the native host the feed shows the no-host banner and observations stay queued', { host: false, name: 'no-host' }, async (h) => {
  assert.equal(fs.existsSync(h.hostManifest), false, 'no host manifest for this profile');
  await h.goto('/feed/');
  await h.waitFor("the banner to show 'no-host'", async () => (await h.bannerState()) === 'no-host');
  const banner = await h.banner();
  assert.match(banner.text, /isn.t installed/);
  assert.match(banner.text, /scripts\/install\.sh/);
  assert.deepEqual(banner.links, [], 'the no-host banner is one line with nothing to click');
  await h.screenshot('banner-no-host.png');

  // An observation made meanwhile waits in the outbox: it does not change what the banner says, nor reach any log.
  await h.goto(SETTING_PATH);
  if (h.can.extensionPages) {
    const outbox = await h.waitFor('the observation to wait in the outbox', async () => {
      const items = await h.outbox();
      return items.length > 0 && items;
    });
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0].observation.value, true);
    assert.equal(outbox[0].observation.source, 'page-load');
    assert.equal(await h.bannerState(), 'no-host');
  } else {
    // With no outbox to wait on (firefox-harness.js), the banner on the settings page is what there is to wait for.
    await h.waitFor("the banner to show 'no-host' on the settings page", async () => (await h.bannerState()) === 'no-host');
  }
  assert.equal(fs.existsSync(h.db), false, 'no database without a host');
});
