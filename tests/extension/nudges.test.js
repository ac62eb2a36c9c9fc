'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');

const { nudges, messages } = load('content/nudges.js');
const FEED = 'https://www.linkedin.com/feed/';
const about = { platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', source: 'banner', verdict: 'on-by-default' };

function make() {
  const sent = [];
  const log = nudges.create({ send: (n) => sent.push(n), now: () => 1795903200000 });
  return { log, sent };
}

test('"shown" is logged once per page visit, however often the banner is re-drawn', () => {
  const { log, sent } = make();
  assert.equal(log.shown(about), true);
  assert.equal(log.shown(about), false);
  assert.equal(log.shown({ ...about, verdict: 'on' }), false, 'a re-decided verdict on the same visit is the same nudge');
  assert.equal(sent.length, 1);
  log.newVisit();
  assert.equal(log.shown(about), true);
  assert.equal(sent.length, 2);
});

test('the banner and the callout are separate nudges', () => {
  const { log, sent } = make();
  log.shown(about);
  log.shown({ ...about, source: 'callout' });
  assert.deepEqual(sent.map((n) => n.source), ['banner', 'callout']);
});

test('every report is a nudge the host accepts', () => {
  const { log, sent } = make();
  log.shown(about);
  log.clicked(about);
  log.snoozed(about);
  log.dismissed(about);
  assert.deepEqual(sent.map((n) => n.action), ['shown', 'clicked', 'snoozed', 'dismissed']);
  for (const n of sent) {
    assert.equal(messages.isNudge(n), true, JSON.stringify(n));
    assert.equal('url' in n, false, 'a nudge names its setting, never the page it was on');
    assert.equal(n.time, 1795903200000);
  }
});

test('no nudge carries the page it was on, whatever page that was', () => {
  globalThis.location = { href: `${FEED}?trk=x` };
  try {
    const { log, sent } = make();
    log.shown(about);
    log.clicked(about);
    assert.equal(sent.some((n) => 'url' in n), false);
  } finally {
    delete globalThis.location;
  }
});
