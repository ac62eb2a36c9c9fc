'use strict';
// Firefox scenario 3: the native helper is not installed; the banner says so.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { scenario } = require('./firefox-harness');
const { SETTING_PATH } = require('./harness');

scenario('in Firefox, without the native host the feed shows the no-host banner', { host: false, name: 'firefox-no-host' }, async (h) => {
  assert.equal(fs.existsSync(path.join(h.home, '.mozilla/native-messaging-hosts/org.untrain.host.json')), false);
  await h.goto('/feed/');
  await h.waitFor("the banner to show 'no-host'", async () => (await h.bannerState()) === 'no-host');
  const banner = await h.banner();
  assert.match(banner.text, /isn.t installed/);
  assert.deepEqual(banner.links, []);
  await h.screenshot('firefox-banner-no-host.png');

  // An observation made meanwhile does not change what the banner says, nor reach any log.
  await h.goto(SETTING_PATH);
  await h.waitFor("the banner to show 'no-host' on the settings page", async () => (await h.bannerState()) === 'no-host');
  assert.equal(fs.existsSync(h.db), false, 'no database without a host');
});
