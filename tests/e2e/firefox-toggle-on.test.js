'use strict';
// Firefox scenario 1: the AI-training toggle is On; untrain records it and shows the banner.

const assert = require('node:assert/strict');
const { scenario } = require('./firefox-harness');
const { SETTING_PATH, SETTING_URL } = require('./harness');

scenario('in Firefox, a toggle found On is recorded once as page-load and the banner then says on', { host: true, state: 'on', name: 'firefox-toggle-on' }, async (h) => {
  const before = Date.now();
  await h.goto(SETTING_PATH);

  const [event] = await h.waitFor('the host to record the page-load observation', async () => {
    const trail = await h.trail();
    return trail.length > 0 && trail;
  });
  assert.equal(event.platform, 'linkedin');
  assert.equal(event.account, 'jane-doe');
  assert.equal(event.setting, 'ai-training');
  assert.equal(event.value, true);
  assert.equal(event.source, 'page-load');
  assert.equal(event.url, SETTING_URL);
  assert.ok(event.time >= before && event.time <= Date.now(), `observation time ${event.time} is within the test`);

  await h.waitFor("the banner to show 'on'", async () => (await h.bannerState()) === 'on');
  const banner = await h.banner();
  assert.equal(banner.verdict, 'on-by-default');
  assert.equal(banner.role, 'region');
  assert.match(banner.text, /train/i);
  assert.deepEqual(banner.links, [SETTING_URL]);

  await h.screenshot('firefox-banner.png');
  assert.equal((await h.trail()).length, 1, 'exactly one observation for one visit');
});
