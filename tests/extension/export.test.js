'use strict';
// The popup's export path without a browser: its chunk-by-chunk fetch against the real host binary (the background
// relays these messages to the host as they are), what it tells the member, and the message shapes the background accepts.

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');
const { load } = require('./load');

const { useLocale } = require('./locale');

const { messages } = load('shared/messages.js');
const popupExport = load('popup/export.js');
useLocale('en');
const { i18n } = load('shared/i18n.js');
const { t } = i18n;

const { startHost, UNTRAIN_BIN } = require('./native-host');

const EVENTS = 2600;

function observation(i, url) {
  return {
    type: 'observe', platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: i % 3 !== 0,
    url, time: 1795903200000 + i, source: i === 0 ? 'page-load' : 'user-change',
  };
}

test('an export larger than one reply is fetched chunk by chunk into a file that untrain verify accepts', { skip: !fs.existsSync(UNTRAIN_BIN) && `no host binary at ${UNTRAIN_BIN}` }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untrain-export-'));
  try {
    const host = startHost(path.join(dir, 'untrain.db'));
    // The host keeps the setting's page alone (no query), so it takes many events to pass two chunks: sent at once, as
    // a browser may, and answered in order. The query's characters check that what the host strips, it strips whole.
    const url = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
    await Promise.all(Array.from({ length: EVENTS }, (_, i) => host.request(observation(i, `${url}?q=${'é'.repeat(9)}&z="😀"`))));
    // The background answers a failure as {error, message}; otherwise it passes the host's result on.
    const ask = (message) => host.request(message).catch((error) => ({ error: error.code, message: error.message }));
    const before = host.sizes.length;
    const result = await popupExport.request({ ask, format: 'json' });
    const text = result.parts.join('');
    const replies = host.sizes.length - before;
    assert.ok(replies >= 3 && result.parts.length === replies, `expected several chunks, got ${replies}`);
    assert.ok(host.sizes.every((size) => size <= 1024 * 1024), 'every reply fits in 1 MiB');
    assert.equal(result.events, EVENTS);
    assert.equal(result.media_type, 'application/json');
    assert.match(result.file_name, /^untrain-audit-trail-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(Buffer.byteLength(text, 'utf8'), result.size, 'the chunks add up to the whole file, no character split');
    assert.equal(await host.close(), 0);

    const file = path.join(dir, result.file_name);
    fs.writeFileSync(file, text);
    const printed = execFileSync(UNTRAIN_BIN, ['verify', '--file', file], { encoding: 'utf8' });
    assert.match(printed, new RegExp(`^intact: ${EVENTS} events, seq 1 to ${EVENTS}, chain head [0-9a-f]{64}`));
    assert.equal(JSON.parse(text).events[EVENTS - 1].url, url);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the background accepts export messages only in the shapes the popup sends', () => {
  assert.deepEqual([...messages.exportFormats], ['html', 'json', 'csv']);
  for (const format of ['html', 'json', 'csv']) assert.equal(messages.isInternal({ type: messages.popup.EXPORT, format }), true, format);
  for (const format of ['ndjson', 'pdf', '', undefined, 7]) assert.equal(messages.isInternal({ type: 'export', format }), false, String(format));
  assert.equal(messages.isInternal({ type: 'export-chunk', export: '3f9c0a41d2e87b6655c1a0b9', offset: 524288 }), true);
  for (const bad of [{ export: '../db', offset: 0 }, { export: 'ab', offset: -1 }, { export: 'ab', offset: 1.5 }, { offset: 0 }]) {
    assert.equal(messages.isInternal({ type: 'export-chunk', ...bad }), false, JSON.stringify(bad));
  }
});

test('the popup asks for the export, then for each next chunk at the offset the last reply gave', async () => {
  const asked = [];
  const replies = [
    { export: 'ab12', chunk: '{"a":', offset: 0, next: 5, done: false, size: 9, file_name: 'f.json', media_type: 'application/json', events: 2 },
    { export: 'ab12', chunk: '"é"}', offset: 5, next: 9, done: true, size: 9 },
  ];
  const result = await popupExport.request({ ask: async (message) => { asked.push(message); return replies.shift(); }, format: 'json' });
  assert.deepEqual(asked, [{ type: 'export', format: 'json' }, { type: 'export-chunk', export: 'ab12', offset: 5 }]);
  assert.deepEqual(result.parts, ['{"a":', '"é"}']);
  assert.equal(result.file_name, 'f.json');
  assert.equal(popupExport.describe({ ...result, chain_head: { seq: 2, hash: 'ab'.repeat(32) } }, { t }), 'Saved f.json: 2 events, chain head abababababab….');
});

test('the popup asks for its report in the language it was given when the host writes it, else leaves it to the host', async () => {
  const asked = [];
  const ask = async (message) => { asked.push(message); return { export: 'ab', chunk: '<!DOCTYPE html>', next: 15, done: true }; };
  await popupExport.request({ ask, format: 'html', lang: 'fr' });
  await popupExport.request({ ask, format: 'html', lang: 'pt' });
  await popupExport.request({ ask, format: 'html' });
  assert.deepEqual(asked, [{ type: 'export', format: 'html', lang: 'fr' }, { type: 'export', format: 'html' }, { type: 'export', format: 'html' }]);
});

test('the host writes the popup\'s report in the language the popup asked for', { skip: !fs.existsSync(UNTRAIN_BIN) && `no host binary at ${UNTRAIN_BIN}` }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untrain-export-'));
  try {
    const host = startHost(path.join(dir, 'untrain.db'));
    await host.request(observation(1, 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement'));
    const ask = (message) => host.request(message).catch((error) => ({ error: error.code, message: error.message }));
    const result = await popupExport.request({ ask, format: 'html', lang: messages.reportLanguage('de-CH') });
    const text = result.parts.join('');
    assert.match(text, /<html lang="de">/);
    assert.match(text, /<h2>Ereignisse<\/h2>/);
    assert.equal(await host.close(), 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed export is told in words the member can act on', async () => {
  const failure = await popupExport.request({ ask: async () => ({ error: 'no-host', message: 'not found' }), format: 'html' })
    .then(() => null, (error) => error);
  assert.equal(failure.code, 'no-host');
  assert.match(popupExport.describeFailure(failure, { t }), /isn’t installed/);
  assert.match(popupExport.describeFailure({ code: 'bad_request', message: 'field x' }, { t }), /The export failed: field x/);
});

test('the export\'s status lines are in the member\'s language, one event or many', () => {
  const saved = { file_name: 'f.json', events: 1, chain_head: null };
  const lines = {};
  for (const lang of ['en', 'de', 'fr', 'es']) {
    useLocale(lang);
    lines[lang] = [popupExport.describeWork('json', { t }), popupExport.describe(saved, { t }),
      popupExport.describe({ ...saved, events: 3, chain_head: { hash: 'cd'.repeat(32) } }, { t }),
      popupExport.describeFailure({ code: 'host-timeout' }, { t }), popupExport.describeFailure({ code: 'x', message: 'why' }, { t })];
  }
  useLocale('en');
  assert.deepEqual(lines.en, ['Exporting JSON…', 'Saved f.json: 1 event.', 'Saved f.json: 3 events, chain head cdcdcdcdcdcd….',
    'untrain’s helper did not answer in time. Try again.', 'The export failed: why']);
  assert.deepEqual(lines.de.slice(0, 3), ['JSON wird exportiert…', 'f.json gespeichert: 1 Ereignis.', 'f.json gespeichert: 3 Ereignisse, Kettenkopf cdcdcdcdcdcd….']);
  assert.equal(lines.fr[1], 'f.json enregistré : 1 événement.');
  assert.equal(lines.es[2], 'f.json guardado: 3 eventos, cabeza de la cadena cdcdcdcdcdcd….');
  for (const lang of ['de', 'fr', 'es']) {
    lines[lang].forEach((line, i) => assert.notEqual(line, lines.en[i], `${lang} line ${i} is translated`));
    assert.ok(lines[lang][4].endsWith('why'), 'the reason is kept as the helper gave it');
  }
});
