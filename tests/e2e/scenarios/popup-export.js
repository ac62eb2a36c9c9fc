'use strict';
// The popup's "Export audit trail" end to end: real Chromium, real extension, real host. Each download is a file that
// stands on its own: the JSON verifies with `untrain verify --file`, the HTML report and the CSV hold the same trail.

const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { EXTENSION_ID } = require('../harness');
const { UNTRAIN_BIN } = require('../session');
const { scenarios } = require('../scenario');
const { startHost } = require('../../extension/native-host');

// Chromium only: the popup is an extension page (h.can.extensionPages), which puppeteer cannot open in Firefox, and a
// content script's message is sent from the content script's world (h.can.contentScript); see firefox-harness.js.
const scenario = scenarios(module, { browsers: ['chromium'] });

const POPUP = `chrome-extension://${EXTENSION_ID}/popup/popup.html`;

function untrain(args) {
  return new Promise((resolve) => {
    execFile(UNTRAIN_BIN, args, { timeout: 10000 }, (error, stdout) => resolve({ status: error ? error.code : 0, stdout }));
  });
}

/** Clicks a format's button in the popup and returns the saved download's path and the popup's status line. */
async function exportAs(h, popup, format) {
  const [download] = await Promise.all([
    popup.waitForEvent('download', { timeout: 20000 }),
    popup.click(`button[data-format="${format}"]`),
  ]);
  const file = path.join(h.tmp, download.suggestedFilename());
  await download.saveAs(file);
  await h.waitFor(`the popup to report the ${format} export`, async () => (await popup.textContent('#export-status')).startsWith('Saved'));
  return { file, name: download.suggestedFilename(), status: await popup.textContent('#export-status') };
}

scenario('the popup exports the audit trail as JSON that verifies, an HTML report and a CSV', { host: true, state: 'on', name: 'popup-export' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the page-load observation', async () => (await h.trail()).length === 1);
  await h.page.click('#ai-toggle');
  await h.waitFor('the user-change observation', async () => (await h.trail()).length === 2);

  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 240 });
  await popup.goto(POPUP);
  assert.equal(await popup.textContent('#export h2'), 'Export audit trail');

  // Besides the two observations the trail holds the nudges the banner and callout logged as shown;
  // the export itself says how many events it holds, and the status line and verify must agree.
  const json = await exportAs(h, popup, 'json');
  assert.match(json.name, /^untrain-audit-trail-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(json.file, 'utf8'));
  const logged = exported.events.length;
  assert.ok(logged >= 2, `${logged} events exported`);
  assert.match(json.status, new RegExp(`^Saved untrain-audit-trail-.*\\.json: ${logged} events, chain head [0-9a-f]{12}…\\.$`));
  if (process.env.UNTRAIN_ARTIFACTS) await popup.screenshot({ path: path.join(process.env.UNTRAIN_ARTIFACTS, 'popup-export.png') });
  const verified = await untrain(['verify', '--file', json.file]);
  assert.equal(verified.status, 0, verified.stdout);
  assert.match(verified.stdout, new RegExp(`^intact: ${logged} events, seq 1 to ${logged}, chain head [0-9a-f]{64}`));
  assert.deepEqual(exported.events.filter((e) => e.kind === 'observation').map((e) => [e.action, e.value, e.source]),
    [['first-seen', true, 'page-load'], ['change', false, 'user-change']]);

  const html = await exportAs(h, popup, 'html');
  assert.match(html.name, /\.html$/);
  const report = fs.readFileSync(html.file, 'utf8');
  assert.match(report, /AI training: Off since \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC \(switched off on the settings page\)\. It was On, by default, when first seen on/);
  assert.ok(report.includes(exported.export.chain_head.hash.slice(0, 16)), 'the report names an event of the same chain');

  const csv = await exportAs(h, popup, 'csv');
  const rows = fs.readFileSync(csv.file, 'utf8').trimEnd().split('\r\n');
  assert.match(rows[0], /^seq,time_utc,/);
  assert.ok(rows.length >= 1 + logged + 2, 'header, the events the JSON export held, and the JSON and HTML exports');
  assert.ok(rows.some((r) => r.includes(',export,json,')) && rows.some((r) => r.includes(',export,html,')), 'the earlier exports are rows');

  // Each export is itself in the trail, made by the extension.
  const trail = await h.events();
  assert.deepEqual(trail.filter((e) => e.kind === 'export').map((e) => [e.action, e.source]),
    [['json', 'extension'], ['html', 'extension'], ['csv', 'extension']]);
  assert.equal((await untrain(['verify', '--db', h.db])).status, 0, 'the database chain verifies after the exports');
  assert.deepEqual(fs.readdirSync(path.dirname(h.db)).filter((f) => f.startsWith('untrain-export-')), [], 'no temporary export files left');
});

scenario('a content script cannot export the audit trail; only the extension\'s own pages can', { host: true, state: 'on', name: 'export-refused' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the page-load observation', async () => (await h.trail()).length === 1);
  await h.inContentScript(`chrome.runtime.sendMessage({ type: 'export', format: 'json' }).then((r) => { globalThis.exportAnswer = r; }); 0`);
  const answer = await h.waitFor('the background to answer the content script', () => h.inContentScript('globalThis.exportAnswer ?? null'));
  assert.equal(answer?.text, undefined, 'no export text for a content script');
  assert.match(answer?.message ?? '', /only for the extension's own pages/);
  assert.equal((await h.events()).filter((e) => e.kind === 'export').length, 0, 'nothing was exported');
});

scenario('an export larger than one host reply comes through the popup chunk by chunk and verifies', { host: true, state: 'on', name: 'popup-export-large' }, async (h) => {
  // A long history written by another host process on the same database, as a second browser would.
  const other = startHost(h.db);
  const url = `${SETTING_URL}?${'ü'.repeat(900)}`;
  for (let i = 0; i < 1500; i++) {
    await other.request({ type: 'observe', platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: i % 2 === 0,
      url, time: 1795903200000 + i * 60000, source: 'page-load' });
  }
  assert.equal(await other.close(), 0);

  const popup = await h.context.newPage();
  await popup.goto(POPUP);
  const json = await exportAs(h, popup, 'json');
  assert.ok(fs.statSync(json.file).size > 3 * 512 * 1024, 'the export spans several chunks');
  const verified = await untrain(['verify', '--file', json.file]);
  assert.equal(verified.status, 0, verified.stdout);
  assert.match(verified.stdout, /^intact: 1500 events, seq 1 to 1500/);
});
