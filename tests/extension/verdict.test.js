'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const { verdict } = load('background/verdict.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const status = (v) => ({ platform: 'linkedin', settings: [{ setting: 'ai-training', value: v === 'off' ? false : true, verdict: v }] });

test('on and on-by-default show the on banner', () => {
  assert.deepEqual(verdict.bannerState(status('on'), linkedin), { state: 'on', verdict: 'on', setting: 'ai-training' });
  assert.deepEqual(verdict.bannerState(status('on-by-default'), linkedin), { state: 'on', verdict: 'on-by-default', setting: 'ai-training' });
});

test('unknown and stale show the unknown banner, keeping which it was', () => {
  assert.deepEqual(verdict.bannerState(status('unknown'), linkedin), { state: 'unknown', verdict: 'unknown', setting: 'ai-training' });
  assert.deepEqual(verdict.bannerState(status('stale'), linkedin), { state: 'unknown', verdict: 'stale', setting: 'ai-training' });
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
  assert.deepEqual(verdict.bannerState(result, rules), { state: 'on', verdict: 'on', setting: 'b' });
});
