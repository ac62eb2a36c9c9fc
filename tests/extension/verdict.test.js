'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const verdict = load('background/verdict.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const status = (v, nudge = { snoozed_until: null, dismissed: false }) => ({
  platform: 'linkedin', settings: [{ setting: 'ai-training', account: 'jane-doe', value: v === 'off' ? false : true, verdict: v, nudge }],
});

const shown = (state, v) => ({ state, verdict: v, setting: 'ai-training', account: 'jane-doe', held: null });

test('on and on-by-default show the on banner', () => {
  assert.deepEqual(verdict.bannerState(status('on'), linkedin), shown('on', 'on'));
  assert.deepEqual(verdict.bannerState(status('on-by-default'), linkedin), shown('on', 'on-by-default'));
});

test('unknown and stale show the unknown banner, keeping which it was', () => {
  assert.deepEqual(verdict.bannerState(status('unknown'), linkedin), shown('unknown', 'unknown'));
  assert.deepEqual(verdict.bannerState(status('stale'), linkedin), shown('unknown', 'stale'));
});

test('off means no banner', () => {
  assert.equal(verdict.bannerState(status('off'), linkedin).state, 'off');
});

test('a banner setting missing from the host reply is unknown, not off', () => {
  assert.equal(verdict.bannerState({ platform: 'linkedin', settings: [] }, linkedin).state, 'unknown');
});

test('settings without a banner in the rules do not raise one', () => {
  const rules = { settings: [...linkedin.settings, { id: 'ads', banner: false }] };
  const result = { settings: [...status('off').settings, { setting: 'ads', verdict: 'on' }] };
  assert.equal(verdict.bannerState(result, rules).state, 'off');
});

test('with several banner settings the most alarming one decides', () => {
  const rules = { settings: [{ id: 'a', banner: true }, { id: 'b', banner: true }] };
  const result = { settings: [{ setting: 'a', verdict: 'unknown' }, { setting: 'b', verdict: 'on' }] };
  assert.deepEqual(verdict.bannerState(result, rules), { state: 'on', verdict: 'on', setting: 'b', account: null, held: null });
});

test('a snoozed or dismissed setting raises no banner, and says why', () => {
  assert.deepEqual(verdict.bannerState(status('on-by-default', { snoozed_until: 1, dismissed: false }), linkedin),
    { state: 'off', verdict: 'off', setting: null, account: null, held: 'snoozed' });
  assert.equal(verdict.bannerState(status('unknown', { snoozed_until: null, dismissed: true }), linkedin).held, 'dismissed');
});

test('with the banner switched off in the options nothing shows, whatever the verdict', () => {
  const result = verdict.bannerState(status('on-by-default'), linkedin, { banner: false });
  assert.equal(result.state, 'off');
  assert.equal(result.held, 'disabled');
});

test('an Off setting is not "held": there is simply nothing to say', () => {
  assert.equal(verdict.bannerState(status('off', { snoozed_until: 1, dismissed: true }), linkedin).held, null);
});

test('when one banner setting is held back, another one still raises the banner', () => {
  const rules = { settings: [{ id: 'a', banner: true }, { id: 'b', banner: true }] };
  const result = { settings: [{ setting: 'a', verdict: 'on', nudge: { snoozed_until: 5, dismissed: false } }, { setting: 'b', verdict: 'unknown' }] };
  assert.deepEqual(verdict.bannerState(result, rules), { state: 'unknown', verdict: 'unknown', setting: 'b', account: null, held: null });
});

test('a member who reported it Off is not nagged; the verdict still says it is their word', () => {
  assert.deepEqual(verdict.bannerState(status('off-reported'), linkedin), { state: 'off', verdict: 'off-reported', setting: 'ai-training', account: 'jane-doe', held: null });
});

test('a member who reported it On gets the on banner, as for a reading', () => {
  assert.deepEqual(verdict.bannerState(status('on-reported'), linkedin), shown('on', 'on-reported'));
});

test('a verdict this extension does not know is unknown, never off', () => {
  for (const v of ['off-assumed', 'toString', '__proto__']) assert.equal(verdict.bannerState(status(v), linkedin).state, 'unknown', v);
});
