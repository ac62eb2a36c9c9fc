'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');

const options = load('shared/options.js');

test('nothing stored means the defaults: remind after 1 day, stale after 30 days, banner on, no notification', () => {
  assert.deepEqual(options.normalize(undefined), { snoozeDays: 1, staleAfterDays: 30, banner: true, notifyOnAgain: false });
});

test('the choices the options page offers are kept', () => {
  assert.deepEqual(options.normalize({ snoozeDays: 7, staleAfterDays: 90, banner: false, notifyOnAgain: true }),
    { snoozeDays: 7, staleAfterDays: 90, banner: false, notifyOnAgain: true });
  assert.deepEqual(options.normalize({ snoozeDays: '7', staleAfterDays: '14' }), { snoozeDays: 7, staleAfterDays: 14, banner: true, notifyOnAgain: false });
});

test('values out of range fall back to their defaults, one by one', () => {
  assert.deepEqual(options.normalize({ snoozeDays: 3, staleAfterDays: 0, banner: 'no', notifyOnAgain: 'yes' }), options.DEFAULTS);
  assert.equal(options.normalize({ staleAfterDays: 3651 }).staleAfterDays, 30);
  assert.equal(options.normalize({ staleAfterDays: 2.5 }).staleAfterDays, 30);
  assert.equal(options.normalize({ staleAfterDays: 3650 }).staleAfterDays, 3650);
});

test('saving stores the cleaned options and loading reads them back', async () => {
  const map = new Map();
  const storage = { get: async (k) => map.get(k), set: async (k, v) => { map.set(k, v); } };
  assert.deepEqual(await options.save(storage, { snoozeDays: 7, staleAfterDays: -4, banner: false }), { snoozeDays: 7, staleAfterDays: 30, banner: false, notifyOnAgain: false });
  assert.deepEqual(await options.load(storage), { snoozeDays: 7, staleAfterDays: 30, banner: false, notifyOnAgain: false });
});
