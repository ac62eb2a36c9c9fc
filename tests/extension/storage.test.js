'use strict';
// storage.local as the background keeps it: away from content scripts where the browser can do that.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const { restrictToExtension, keyed } = load('background/storage.js');

test('storage.local is restricted to the extension\'s own contexts where the browser offers it (Chromium)', async () => {
  const asked = [];
  const area = { setAccessLevel: async (options) => { asked.push(options); } };
  assert.equal(await restrictToExtension(area), true);
  assert.deepEqual(asked, [{ accessLevel: 'TRUSTED_CONTEXTS' }]);
});

test('where the browser cannot restrict it (Firefox), that is said and nothing breaks', async () => {
  assert.equal(await restrictToExtension({}), false);
  const warnings = [];
  const refusing = { setAccessLevel: async () => { throw new Error('only storage.session'); } };
  assert.equal(await restrictToExtension(refusing, (...args) => warnings.push(args)), false);
  assert.equal(warnings.length, 1);
});

test('the background restricts storage.local as it starts, before anything reads it', () => {
  const source = fs.readFileSync(path.join(EXTENSION, 'background/background.js'), 'utf8');
  const restricted = source.indexOf('restrictToExtension(api.storage.local)');
  assert.ok(restricted > 0, 'background.js restricts storage.local');
  assert.ok(restricted < source.indexOf('createRouter({'), 'before the router uses it');
});

test('keyed storage reads and writes one key', async () => {
  const map = {};
  const area = { get: async (key) => ({ [key]: map[key] }), set: async (items) => Object.assign(map, items) };
  const storage = keyed(area);
  await storage.set('outbox', [1]);
  assert.deepEqual(await storage.get('outbox'), [1]);
});
