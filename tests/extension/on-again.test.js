'use strict';
// The optional "On again" browser notification: once per return of a setting to On, only with the member's option
// and the browser's permission, and never for a setting untrain did not read On itself.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const onAgain = load('background/on-again.js');
const rules = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));

const T = 1795903200000;
const t = (key, ...args) => `${key}(${args.join(',')})`;
const helpers = { t, ruleText: (rule, part) => rule[part], formatDate: (ms) => `day ${ms}` };
const ai = (fields) => ({ setting: 'ai-training', account: 'jane-doe', value: true, verdict: 'on', on_again: null, ...fields });
const statusOf = (...settings) => ({ platform: 'linkedin', settings });

function setUp({ notifyOnAgain = true, granted = true, stored = {} } = {}) {
  const map = new Map(Object.entries(stored));
  const storage = { get: async (key) => map.get(key), set: async (key, value) => { map.set(key, value); } };
  const shown = [];
  const notifications = { create: async (id, options) => { shown.push({ id, ...options }); return id; } };
  const announce = onAgain.createAnnouncer({
    storage, loadOptions: async () => ({ notifyOnAgain }), notifier: async () => (granted ? notifications : null),
    iconUrl: 'chrome-extension://x/icons/icon-128.png', ...helpers,
  });
  return { announce, shown, map };
}

test('a setting read On again is announced once, with its title, when it had been switched off, and the setting\'s page', () => {
  const status = statusOf(ai({ on_again: { off_since: T, logged: true } }));
  const { notices, announced } = onAgain.announcements(status, rules, {}, helpers);
  assert.deepEqual(notices, [{
    id: 'on-again:linkedin:ai-training', setting: 'ai-training',
    title: `notifyOnAgainTitle(${rules.settings[0].title})`, message: `onAgainLogged(day ${T})`,
    url: rules.origin + rules.settings[0].page,
  }]);
  assert.deepEqual(onAgain.announcements(status, rules, announced, helpers).notices, [], 'not twice for the same return');
});

test('a setting that is no longer On again is forgotten, so its next return is announced again', () => {
  let { announced } = onAgain.announcements(statusOf(ai({ on_again: { off_since: T, logged: false } })), rules, {}, helpers);
  ({ announced } = onAgain.announcements(statusOf(ai({ value: false, verdict: 'off' })), rules, announced, helpers));
  assert.deepEqual(announced, {});
  const again = onAgain.announcements(statusOf(ai({ on_again: { off_since: T + 5, logged: false } })), rules, announced, helpers);
  assert.equal(again.notices.length, 1);
  assert.equal(again.notices[0].message, `onAgainKept(day ${T + 5})`);
});

test('nothing is announced for a verdict other than On: a report, a stale reading or an unknown is never "On again"', () => {
  for (const verdict of ['on-reported', 'stale', 'unknown', 'on-by-default', 'off']) {
    const status = statusOf(ai({ verdict, on_again: { off_since: T, logged: true } }));
    assert.deepEqual(onAgain.announcements(status, rules, {}, helpers).notices, [], verdict);
  }
});

test('a status without settings keeps what was announced', () => {
  const before = { 'linkedin:ai-training': T };
  assert.deepEqual(onAgain.announcements({ error: 'no-host' }, rules, before, helpers), { notices: [], announced: before });
  assert.deepEqual(onAgain.announcements(null, rules, before, helpers), { notices: [], announced: before });
});

test('with the option on and the permission granted, the browser shows the notification with untrain\'s icon', async () => {
  const { announce, shown } = setUp();
  const status = statusOf(ai({ on_again: { off_since: T, logged: true } }));
  assert.equal((await announce(status, rules)).length, 1);
  assert.deepEqual(shown, [{ id: 'on-again:linkedin:ai-training', type: 'basic', iconUrl: 'chrome-extension://x/icons/icon-128.png',
    title: `notifyOnAgainTitle(${rules.settings[0].title})`, message: `onAgainLogged(day ${T})` }]);
  await announce(status, rules);
  assert.equal(shown.length, 1, 'once per return');
});

test('without the member\'s option, or without the browser\'s permission, nothing is shown', async () => {
  const status = statusOf(ai({ on_again: { off_since: T, logged: true } }));
  for (const choice of [{ notifyOnAgain: false }, { granted: false }]) {
    const { announce, shown, map } = setUp(choice);
    assert.deepEqual(await announce(status, rules), []);
    assert.deepEqual(shown, [], JSON.stringify(choice));
    assert.deepEqual(map.get(onAgain.KEY), { 'linkedin:ai-training': T }, 'switching it on later does not announce an old return');
  }
});

test('two statuses arriving together announce a return once', async () => {
  const { announce, shown } = setUp();
  const status = statusOf(ai({ on_again: { off_since: T, logged: true } }));
  await Promise.all([announce(status, rules), announce(status, rules)]);
  assert.equal(shown.length, 1);
});

test('the notifications permission is optional, asked for only when the member switches the option on', () => {
  assert.deepEqual(manifest.optional_permissions, ['notifications']);
  assert.equal(manifest.permissions.includes('notifications'), false);
  const page = fs.readFileSync(path.join(EXTENSION, 'options/options.js'), 'utf8');
  assert.match(page, /permissions\.request\(\{ permissions: \['notifications'\] \}\)/);
});
