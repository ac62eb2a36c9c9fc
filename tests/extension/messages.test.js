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
  assert.deepEqual(Object.values(messages.internal).sort(), ['check-all', 'confirm-form', 'form', 'helper', 'nudge', 'observe', 'rules', 'status', 'undo']);
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
    { platform: '' }, { account: '' }, { account: 'x'.repeat(101) }, { account: 7 },
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

test('no page can report an undo as a nudge: only the popup\'s own undo message lifts a hold', () => {
  assert.equal(messages.nudgeActions.UNDONE, 'undone');
  assert.equal(messages.isNudge({ ...nudge(), action: 'undone' }), false);
  assert.equal(messages.isInternal({ type: 'nudge', nudge: { ...nudge(), action: 'undone', source: 'popup' } }), false);
  assert.equal(messages.isInternal({ type: 'undo', platform: 'linkedin', setting: 'ai-training' }), true);
  assert.equal(messages.isInternal({ type: 'undo', platform: 'linkedin', setting: 'ai-training', account: 'x' }), false);
});

test('the verdicts are exactly those docs/protocol.md lists, and a nudge may show each', () => {
  const section = protocol.slice(protocol.indexOf('row that applies:'), protocol.indexOf('A member\'s report is never a verified reading'));
  const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]).sort();
  assert.deepEqual([...messages.verdicts].sort(), documented);
  for (const verdict of messages.verdicts) assert.equal(messages.isNudge({ ...nudge(), verdict }), true, verdict);
});

// docs/protocol.md, "The account id": the extension holds every account to the host's own rule, counted alike.
test('an account id is 3 to 100 characters of letters, digits, hyphens or percent-encoded non-ASCII UTF-8, counted as the host counts', () => {
  const li = '%E6%9D%8E';  // 李: three bytes, one UTF-16 unit, one character
  const grin = '%F0%9F%98%80';  // 😀: four bytes, two UTF-16 units, one character
  const valid = ['abc', 'Jane-Doe-42', 'a'.repeat(100), 'j%C3%BCrgen-m', `${li}${li}-12345`, li.repeat(100), grin.repeat(100), `${grin}ab`];
  for (const id of valid) assert.equal(messages.isAccountId(id), true, id);
  const invalid = [
    'ab', 'a'.repeat(101), li.repeat(101), grin.repeat(101), `${grin}a`, '', 'jane doe', 'jane_doe', 'jane.doe', 'jürgen',
    'j%c3%bcrgen', '%2Dabc', 'abc%41', '%C0%80ab', '%ED%A0%80ab', '%F4%90%80%80ab', '%E6%9Dab', 'abc%', 'abc%E', '%%41abc', null, 42,
  ];
  for (const id of invalid) assert.equal(messages.isAccountId(id), false, String(id));
});

test('every report and status message holds its account to that rule', () => {
  const id = `a-${'%F0%9F%98%80'.repeat(98)}`;  // 100 characters, 196 UTF-16 units once decoded: the host takes it
  assert.equal(messages.isObservation({ ...observation(), account: id }), true);
  assert.equal(messages.isNudge({ ...nudge(), account: id }), true);
  assert.equal(messages.isForm({ ...form(), account: id }), true);
  assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin', account: id }), true);
  for (const account of ['ab', 'jürgen-m', 'x'.repeat(101)]) {
    assert.equal(messages.isObservation({ ...observation(), account }), false, account);
    assert.equal(messages.isNudge({ ...nudge(), account }), false, account);
    assert.equal(messages.isForm({ ...form(), account }), false, account);
    assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin', account }), false, account);
  }
});

test('the account id of a profile path segment: escapes written in upper case, null when it breaks the rule', () => {
  assert.equal(messages.accountId('j%c3%bcrgen-m'), 'j%C3%BCrgen-m');
  assert.equal(messages.accountId('jane-doe'), 'jane-doe');
  assert.equal(messages.accountId('jürgen-m'), null, 'the parsed URL encodes raw non-ASCII; a raw one is not a slug');
  assert.equal(messages.accountId('%2dabc'), null);
});

test('a report or message with a key of its own besides its fields is refused, whatever the key', () => {
  for (const extra of [{ type: 'export' }, { id: 7 }, { format: 'json' }, { until: 1 }, { __proto__: null, constructor: 'x' }]) {
    assert.equal(messages.isObservation({ ...observation(), ...extra }), false, JSON.stringify(extra));
    assert.equal(messages.isNudge({ ...nudge(), ...extra }), false, JSON.stringify(extra));
    assert.equal(messages.isForm({ ...form(), ...extra }), false, JSON.stringify(extra));
    assert.equal(messages.isInternal({ type: 'nudge', nudge: nudge(), ...extra }), false, JSON.stringify(extra));
    assert.equal(messages.isInternal({ type: 'status', platform: 'linkedin', ...extra }), false, JSON.stringify(extra));
  }
  assert.equal(messages.isInternal({ type: 'rules', observation: observation() }), false);
  assert.equal(messages.isInternal({ type: 'export', format: 'json', since: 0 }), false);
  assert.equal(messages.isInternal(JSON.parse('{"type":"rules","__proto__":{"x":1}}')), false);
});

test('the report\'s language is the browser UI language\'s first two letters when the host writes it, else none', () => {
  assert.deepEqual([...messages.reportLanguages], ['en', 'de', 'fr', 'es']);
  const cases = { de: 'de', 'de-AT': 'de', 'fr-CA': 'fr', es: 'es', 'es-419': 'es', 'en-GB': 'en', 'EN-us': 'en', 'pt-BR': undefined, it: undefined, '': undefined };
  for (const [ui, lang] of Object.entries(cases)) assert.equal(messages.reportLanguage(ui), lang, ui);
  assert.equal(messages.reportLanguage(undefined), undefined);
  assert.equal(messages.reportLanguage(42), undefined);
});

test('an export message may carry lang, one of the report\'s languages docs/protocol.md lists, and nothing else', () => {
  const documented = protocol.match(/^\| `lang` \| (.*?) \|/m)[1];
  assert.deepEqual([...documented.matchAll(/"([a-z]+)"/g)].map((m) => m[1]), [...messages.reportLanguages]);
  for (const lang of messages.reportLanguages) assert.equal(messages.isInternal({ type: 'export', format: 'html', lang }), true, lang);
  assert.equal(messages.isInternal({ type: 'export', format: 'html' }), true);
  for (const lang of ['xx', 'de-DE', 'DE', '', null, 7]) {
    assert.equal(messages.isInternal({ type: 'export', format: 'html', lang }), false, String(lang));
  }
  assert.deepEqual(messages.fields.exportRequest, { required: ['format'], optional: ['lang'] });
});
