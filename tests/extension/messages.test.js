'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load } = require('./load');

const { messages } = load('shared/messages.js');
const protocol = fs.readFileSync(path.resolve(__dirname, '../../docs/protocol.md'), 'utf8');

const observation = () => ({
  platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: true,
  url: 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', time: 1795903200000, source: 'page-load',
});

test('the host message types are exactly the request types docs/protocol.md describes', () => {
  const documented = [...protocol.matchAll(/^### `([a-z_-]+)`$/gm)].map((m) => m[1]).sort();
  assert.deepEqual(Object.values(messages.host).sort(), documented);
});

test('the observation sources are exactly those docs/protocol.md allows', () => {
  const row = protocol.match(/^\| `source` \| (.*?) \|/m);
  assert.ok(row, 'docs/protocol.md has a `source` row');
  const documented = [...row[1].matchAll(/`"([a-z-]+)"`/g)].map((m) => m[1]).sort();
  assert.deepEqual(Object.values(messages.sources).sort(), documented);
});

test('every host error treated as a permanent refusal is a documented error code', () => {
  for (const code of messages.errors.REFUSED) assert.match(protocol, new RegExp(`^\\| \`${code}\` \\|`, 'm'), code);
});

test('the internal catalogue names the messages the content script, popup and background exchange', () => {
  assert.deepEqual(Object.values(messages.internal).sort(), ['form', 'nudge', 'observe', 'rules', 'status']);
});

test('the catalogue cannot be changed at run time', () => {
  assert.ok(Object.isFrozen(messages) && Object.isFrozen(messages.internal) && Object.isFrozen(messages.host));
});

test('a well-formed observation is accepted', () => {
  assert.equal(messages.isObservation(observation()), true);
  assert.equal(messages.isObservation({ ...observation(), account: null }), true);
});

test('a member\'s own report is an observation of its own source, checked like any other', () => {
  assert.equal(messages.sources.MEMBER_REPORTED, 'member-reported');
  assert.equal(messages.isObservation({ ...observation(), value: false, source: 'member-reported' }), true);
  assert.equal(messages.isInternal({ type: 'observe', observation: { ...observation(), source: 'member-reported' } }), true);
  assert.equal(messages.isObservation({ ...observation(), source: 'member-reported', value: 'off' }), false);
  assert.equal(messages.isObservation({ ...observation(), source: 'member' }), false);
});

test('observations the host would refuse are rejected before they are queued', () => {
  const bad = [
    { value: 'true' }, { value: undefined }, { source: 'mutation' }, { url: 'http://www.linkedin.com/' },
    { url: 'https://' + 'a'.repeat(2048) }, { time: 1.5 }, { time: '1795903200000' }, { setting: 'AI training' },
    { platform: '' }, { account: '' }, { account: 'x'.repeat(129) }, { account: 7 },
  ];
  for (const change of bad) assert.equal(messages.isObservation({ ...observation(), ...change }), false, JSON.stringify(change));
  assert.equal(messages.isObservation(null), false);
});

test('only the exact shapes of internal messages are accepted', () => {
  assert.equal(messages.isInternal({ type: 'rules' }), true);
  assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin' }), true);
  assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin', account: null }), true);
  assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin', account: 'jane-doe' }), true);
  assert.equal(messages.isInternal({ type: 'observe', observation: observation() }), true);

  assert.equal(messages.isInternal({ type: 'status' }), false);
  assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin', account: 5 }), false);
  assert.equal(messages.isInternal({ type: 'observe', ...observation() }), false, 'the observation must be nested');
  assert.equal(messages.isInternal({ type: 'hello' }), false, 'host types are not internal messages');
  assert.equal(messages.isInternal({ type: 'toString' }), false);
  assert.equal(messages.isInternal('rules'), false);
  assert.equal(messages.isInternal(null), false);
});

const nudge = () => ({ platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', action: 'dismissed', source: 'banner',
  verdict: 'on-by-default', url: 'https://www.linkedin.com/feed/', time: 1795903200000 });
const form = () => ({ platform: 'linkedin', account: null, form: 'objection-form', sent_on: '2026-11-28', source: 'popup', time: 1795903200000 });

test('nudge actions and sources are those docs/protocol.md lists', () => {
  const section = protocol.slice(protocol.indexOf('### `nudge`'), protocol.indexOf('### `form`'));
  for (const value of [...Object.values(messages.nudgeActions), ...Object.values(messages.nudgeSources)]) {
    assert.match(section, new RegExp(`\`"${value}"\``), value);
  }
});

test('well-formed nudges and forms are accepted as internal messages', () => {
  assert.equal(messages.isInternal({ type: 'nudge', nudge: nudge() }), true);
  assert.equal(messages.isInternal({ type: 'nudge', nudge: { ...nudge(), url: undefined } }), true);
  assert.equal(messages.isInternal({ type: 'form', form: form() }), true);
});

test('nudges and forms the host would refuse are rejected before they leave the page', () => {
  for (const change of [{ action: 'closed' }, { source: 'page' }, { verdict: 'maybe' }, { url: 'http://x' }, { time: 0 }, { setting: 'AI' }, { account: 5 }]) {
    assert.equal(messages.isNudge({ ...nudge(), ...change }), false, JSON.stringify(change));
  }
  for (const change of [{ sent_on: '28.11.2026' }, { form: '' }, { source: 'member' }, { time: '1' }]) {
    assert.equal(messages.isForm({ ...form(), ...change }), false, JSON.stringify(change));
  }
  assert.equal(messages.isInternal({ type: 'nudge', ...nudge() }), false, 'the nudge must be nested');
});

test('the verdicts are exactly those docs/protocol.md lists, and a nudge may show each', () => {
  const section = protocol.slice(protocol.indexOf('row that applies:'), protocol.indexOf('A member\'s report is never a verified reading'));
  const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual([...messages.verdicts].sort(), documented);
  for (const verdict of messages.verdicts) assert.equal(messages.isNudge({ ...nudge(), verdict }), true, verdict);
});
