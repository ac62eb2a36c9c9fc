'use strict';
// Scenario 1: the AI-training toggle is On; untrain records it and shows the banner.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers: everything here is read from the page and from the host binary.
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

scenario('a toggle found On is recorded once as page-load and the banner then says on', { host: true, state: 'on', name: 'toggle-on' }, async (h) => {
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
  assert.ok(event.recorded >= event.time, 'recorded after it was observed');

  // On the setting's page the callout speaks, never the banner too; the banner says it on every other page.
  await h.waitFor('the callout to say it is On', async () => (await h.callout())?.step === 'on');
  assert.equal(await h.bannerState(), null);
  await h.goto('/feed/');
  await h.waitFor("the banner to show 'on'", async () => (await h.bannerState()) === 'on');
  const banner = await h.banner();
  assert.equal(banner.verdict, 'on-by-default');
  assert.equal(banner.role, 'region');
  assert.match(banner.label, /untrain/);
  assert.equal(banner.open, true, 'the banner has an open shadow root');
  assert.equal(banner.hostChildren, 0, 'nothing of the banner is in the light DOM, where page CSS reaches');
  assert.match(banner.styles, /:host\s*\{\s*all:\s*initial/);
  assert.match(banner.text, /train/i);
  assert.deepEqual(banner.links, [SETTING_URL]);
  const nav = await h.box('#global-nav');
  assert.ok(banner.top >= nav.y + nav.height, `the banner (top ${banner.top}) does not cover LinkedIn's top nav (bottom ${nav.y + nav.height})`);

  await h.screenshot('banner.png');
  assert.equal((await h.trail()).length, 1, 'exactly one observation for one visit');
});
