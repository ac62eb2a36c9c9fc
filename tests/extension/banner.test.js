'use strict';
// What the banner says and offers for each state the background reports (its DOM is checked in Chromium).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { getMessage } = require('./locale');

const { banner } = load('content/banner.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const t = (key, ...subs) => getMessage('en', key, subs.map(String));
const status = (verdict, extra = {}) => ({ state: verdict === 'off' ? 'off' : verdict.startsWith('on') ? 'on' : 'unknown', verdict, setting: 'ai-training', account: 'jane-doe', ...extra });
const SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

test('on by default: one sentence saying so, and Review now, Remind me later and Dismiss', () => {
  const view = banner.model(status('on-by-default'), linkedin, t);
  assert.equal(view.text, t('bannerOnByDefault'));
  assert.match(view.text, /switched on by default/);
  assert.equal(view.review, SETTING_URL);
  assert.deepEqual(view.actions, ['review', 'snooze', 'dismiss']);
  assert.equal(view.account, 'jane-doe');
  assert.equal(view.setting, 'ai-training');
});

test('on, unknown and stale each have their own sentence; stale names the chosen threshold', () => {
  assert.equal(banner.model(status('on'), linkedin, t).text, t('bannerOn'));
  assert.equal(banner.model(status('unknown'), linkedin, t).text, t('bannerUnknown'));
  assert.match(banner.model(status('stale', { staleAfterDays: 45 }), linkedin, t).text, /over 45 days ago/);
  assert.match(banner.model(status('stale'), linkedin, t).text, /over 30 days ago/);
});

test('a member who said the setting is On sees it as their word, not as untrain\'s reading, and keeps that verdict for dismissals', () => {
  const view = banner.model(status('on-reported'), linkedin, t);
  assert.equal(view.verdict, 'on-reported');
  assert.equal(view.text, t('bannerOnReported'));
  assert.match(view.text, /You told untrain .* could not read it itself/);
  assert.deepEqual(view.actions, ['review', 'snooze', 'dismiss']);
});

test('off means no banner', () => {
  assert.equal(banner.model(status('off'), linkedin, t), null);
  assert.equal(banner.model({ state: 'off', verdict: 'off', setting: null, held: 'snoozed' }, linkedin, t), null);
});

test('a missing helper is a line of its own beside the setting\'s state, never in its place', () => {
  const view = banner.model({ ...status('on-by-default'), helper: 'missing', helperNotice: true }, linkedin, t);
  assert.equal(view.text, t('bannerOnByDefault'));
  assert.equal(view.helper, true);
  assert.deepEqual(view.actions, ['review', 'snooze', 'dismiss']);
});

test('with every setting Off, a missing helper is said alone until the member dismisses it', () => {
  const view = banner.model({ ...status('off'), state: 'off', helper: 'missing', helperNotice: true }, linkedin, t);
  assert.equal(view.state, 'helper');
  assert.equal(view.text, '');
  assert.deepEqual(view.actions, []);
  assert.equal(banner.model({ ...status('off'), state: 'off', helper: 'missing', helperNotice: false }, linkedin, t), null);
});

test('a setting read On after untrain saw it Off says "On again" with the date it was switched off, and whether it was logged', () => {
  const again = (logged) => ({ ...status('on'), settings: [{ setting: 'ai-training', verdict: 'on', on_again: { off_since: 1795903200000, logged } }] });
  const date = (ms) => `D${ms}`;
  assert.equal(banner.model(again(true), linkedin, t, null, { date }).text, t('onAgainLogged', 'D1795903200000'));
  assert.equal(banner.model(again(false), linkedin, t, null, { date }).text, t('onAgainKept', 'D1795903200000'));
  assert.match(t('onAgainLogged', 'x'), /^On again: it was switched off on x \(logged\); untrain did not see it switched back on\.$/);
});

test('a verdict the banner does not know is spoken of as unknown, never as off', () => {
  const view = banner.model(status('maybe'), linkedin, t);
  assert.equal(view.verdict, 'unknown');
  assert.equal(view.text, t('bannerUnknown'));
});

test('"Remind me later" says how long it hides the banner', () => {
  assert.equal(banner.model(status('on', { snoozeDays: 7 }), linkedin, t).snoozeDays, 7);
  assert.equal(banner.model(status('on', { snoozeDays: 1 }), linkedin, t).snoozeDays, 1);
  assert.equal(banner.model(status('on'), linkedin, t).snoozeDays, 1);
});

// What setting-page.js hands the banner on the page of a setting whose switch cannot be read (unreadable.js's view).
const unreadable = (setting = 'ai-training') => ({
  setting,
  view: { text: t('unreadableText'), lookFor: 'Look for the switch “…”.', help: null, answers: [], note: '' },
});

test('on its page, while its switch cannot be read, the banner says what the callout says, and offers no review of the page it is on', () => {
  const view = banner.model(status('unknown'), linkedin, t, unreadable());
  assert.equal(view.text, 'untrain could not read this page; LinkedIn may have changed it.');
  assert.deepEqual(view.unreadable, unreadable().view);
  assert.deepEqual(view.actions, ['snooze', 'dismiss']);
  assert.equal(view.verdict, 'unknown', 'the verdict is still the host\'s: unknown, never off');
  assert.equal(banner.model(status('on-by-default'), linkedin, t, unreadable()).text, t('unreadableText'));
});

test('the banner keeps its own words for another setting\'s unreadable page, and when it is off', () => {
  assert.equal(banner.model(status('on'), linkedin, t, unreadable('ads-by-age')).text, t('bannerOn'));
  assert.equal(banner.model(status('off'), linkedin, t, unreadable()), null);
});
