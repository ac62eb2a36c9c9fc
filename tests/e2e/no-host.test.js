'use strict';
// Scenario 3: the native helper is not installed; the banner says so and observations wait in the outbox.

const assert = require('node:assert/strict');
const { scenario, SETTING_PATH } = require('./harness');

scenario('without the native host the feed shows the no-host banner and observations stay queued', { host: false, name: 'no-host' }, async (h) => {
  await h.goto('/feed/');
  await h.waitFor("the banner to show 'no-host'", async () => (await h.bannerState()) === 'no-host');
  const banner = await h.banner();
  assert.match(banner.text, /isn.t installed/);
  assert.match(banner.text, /scripts\/install\.sh/);
  assert.deepEqual(banner.links, [], 'the no-host banner is one line with nothing to click');
  await h.screenshot('banner-no-host.png');

  await h.goto(SETTING_PATH);
  const outbox = await h.waitFor('the observation to wait in the outbox', async () => {
    const items = await h.outbox();
    return items.length > 0 && items;
  });
  assert.equal(outbox.length, 1);
  assert.equal(outbox[0].observation.value, true);
  assert.equal(outbox[0].observation.source, 'page-load');
  assert.equal(await h.bannerState(), 'no-host');
});
