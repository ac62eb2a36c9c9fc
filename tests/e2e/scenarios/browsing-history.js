'use strict';
// The trail holds what it must and nothing more (issue 17): with AI training On, the member browses LinkedIn — the
// feed, another person's profile with LinkedIn's tracking query, a message thread, fifty page views in all — and the
// trail records the setting, never where they went: one "shown" for the day, and no page but the setting's own.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

const PAGES = ['/feed/', '/in/john-roe/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB', '/messaging/thread/2-abc/'];
const VIEWS = 50;

scenario('fifty page views with the setting On write one "shown" and no page but the setting\'s own', { host: true, state: 'on', name: 'browsing-history' }, async (h) => {
  // The member arrives at the setting with a tracking query: the trail keeps the page as the rules name it.
  await h.goto(`${SETTING_PATH}?trk=nav_settings#main`);
  await h.waitFor('the host to record the page-load observation', async () => (await h.trail()).length === 1);

  for (let view = 0; view < VIEWS; ++view) {
    await h.goto(PAGES[view % PAGES.length]);
    await h.waitFor("the banner to show 'on'", async () => (await h.bannerState()) === 'on');
  }
  // The last page's "shown" has been sent and answered (logged or not) before the log is read.
  await h.waitFor('every nudge report to be answered', async () => (await h.events()).some((e) => e.kind === 'nudge'));

  const events = await h.events();
  const count = (kind, action) => events.filter((e) => e.kind === kind && (!action || e.action === action)).length;
  console.log(`${VIEWS} page views with the setting On wrote ${events.length} events: ${count('observation')} observation(s), ${count('nudge', 'shown')} shown`);
  const text = JSON.stringify(events);
  for (const leak of ['/feed', '/in/', 'john-roe', '/messaging', 'thread', 'miniProfileUrn', 'trk=', '#main']) {
    assert.equal(text.includes(leak), false, `the trail holds "${leak}": ${text.slice(0, 600)}…`);
  }
  const shown = events.filter((e) => e.kind === 'nudge' && e.action === 'shown');
  assert.equal(shown.length, 1, `one "shown" for the day, not one per page view: ${shown.length}`);
  assert.equal(shown[0].setting, 'ai-training');
  assert.equal(shown[0].url, null);
  const observations = events.filter((e) => e.kind === 'observation');
  assert.deepEqual(observations.map((e) => e.url), [SETTING_URL]);
});
