'use strict';
// What this browser keeps of each setting without the helper: the host's verdicts, snoozes and form dates, and "On again".

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const local = load('background/local-state.js');
const rules = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const DAY = 24 * 60 * 60 * 1000;
const T = 1795903200000;
const seen = (value, time, source = 'page-load') => ({ platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value, url: 'https://www.linkedin.com/x', time, source });
const ai = (stored, now = T + 10 * DAY) => local.status(stored, rules, { now }).settings.find((s) => s.setting === 'ai-training');

test('a setting never seen is unknown, never off', () => {
  assert.equal(ai(undefined).verdict, 'unknown');
  assert.equal(local.status({ linkedin: 'garbage' }, rules, { now: T }).settings.length, rules.settings.length);
});

test('the verdicts follow the host\'s table: on by default, off, on after a change, stale, reported', () => {
  let s = local.observe(undefined, seen(true, T));
  assert.equal(ai(s).verdict, 'on-by-default');
  s = local.observe(s, seen(false, T + DAY, 'assisted'), { logged: true });
  assert.equal(ai(s).verdict, 'off');
  assert.equal(ai(s).off_since, T + DAY);
  assert.equal(ai(s, T + 40 * DAY).verdict, 'stale');
  s = local.observe(s, seen(true, T + 2 * DAY, 'user-change'));
  assert.equal(ai(s).verdict, 'on');
  assert.equal(ai(s).on_again, null, 'the member switched it on where untrain saw it: not "On again"');
  assert.equal(ai(local.observe(s, seen(false, T + 3 * DAY, 'member-reported'))).verdict, 'off-reported');
});

test('read On on a page load after it was Off is "On again", with the day the run of Off began and whether it was logged', () => {
  let s = local.observe(undefined, seen(false, T), { logged: true });
  s = local.observe(s, seen(false, T + DAY), { logged: true });
  s = local.observe(s, seen(true, T + 5 * DAY));
  assert.deepEqual(ai(s).on_again, { off_since: T, logged: true });
  s = local.observe(s, seen(true, T + 6 * DAY));
  assert.deepEqual(ai(s).on_again, { off_since: T, logged: true }, 'it stays said until Off is read again');
  s = local.observe(s, seen(false, T + 7 * DAY));
  assert.equal(ai(s).on_again, null);
  assert.deepEqual(ai(local.observe(s, seen(true, T + 8 * DAY))).on_again, { off_since: T + 7 * DAY, logged: false });
});

test('snoozes, dismissals and their undo, and form dates, hold in this browser', () => {
  let s = local.observe(undefined, seen(true, T));
  s = local.nudge(s, { platform: 'linkedin', setting: 'ai-training', action: 'snoozed', until: T + 20 * DAY });
  assert.equal(ai(s).nudge.snoozed_until, T + 20 * DAY);
  s = local.nudge(s, { platform: 'linkedin', setting: 'ai-training', action: 'dismissed', verdict: 'on-by-default' });
  assert.equal(ai(s).nudge.dismissed, true);
  s = local.nudge(s, { platform: 'linkedin', setting: 'ai-training', action: 'undone' });
  assert.deepEqual(ai(s).nudge, { snoozed_until: null, dismissed: false });
  s = local.form(s, { platform: 'linkedin', account: 'jane-doe', form: 'objection-form', sent_on: '2026-11-12' }, T);
  assert.equal(local.status(s, rules, { now: T }).forms[0].sent_on, '2026-11-12');
});

test('the helper\'s status gets "On again" only from the same account and value', () => {
  const s = local.observe(local.observe(undefined, seen(false, T)), seen(true, T + DAY));
  const host = (account, value) => ({ settings: [{ setting: 'ai-training', account, value, verdict: 'on' }] });
  assert.deepEqual(local.annotate(host('jane-doe', true), s, rules).settings[0].on_again, { off_since: T, logged: false });
  assert.equal(local.annotate(host('john', true), s, rules).settings[0].on_again, null);
  assert.equal(local.annotate(host('jane-doe', false), s, rules).settings[0].on_again, null);
});
