'use strict';
// The HTML report as a regulator would see it: rendered by headless Chromium from a file, with nothing fetched from
// anywhere, printable to PDF. The screenshot is kept as an artifact, and is docs/images/report.png when taken with UNTRAIN_SCREENSHOTS=1.

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { CHROMIUM } = require('../harness');
const { ARTIFACTS, docsScreenshot } = require('../session');
const { scenarios } = require('../scenario');
const { startHost, UNTRAIN_BIN } = require('../../extension/native-host');

// Chromium only: no extension is involved; the report is rendered and printed to PDF by Playwright, whose page.pdf()
// exists only for Chromium.
const scenario = scenarios(module, { browsers: ['chromium'] });

const URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const DAY = 86400000;

/** A member's story: first seen On (by default), switched off on 2 March, then checked every two weeks. */
function story() {
  const at = (iso) => Date.parse(iso);
  const events = [
    { time: at('2026-02-28T09:12:00Z'), value: true, source: 'page-load' },
    { time: at('2026-03-01T18:40:00Z'), value: true, source: 'page-load' },
    { time: at('2026-03-02T14:03:00Z'), value: false, source: 'user-change' },
  ];
  for (let t = at('2026-03-16T08:00:00Z'); t < at('2026-11-27T00:00:00Z'); t += 14 * DAY) events.push({ time: t, value: false, source: 'page-load' });
  return events;
}

scenario.standalone('the HTML report renders in Chromium as one self-contained page a person can read and print', { timeout: 120000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untrain-report-'));
  const db = path.join(dir, 'untrain.db');
  const host = startHost(db);
  for (const e of story()) {
    await host.request({ type: 'observe', platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', url: URL, ...e });
  }
  assert.equal(await host.close(), 0);
  const file = path.join(dir, 'report.html');
  execFileSync(UNTRAIN_BIN, ['export', '--db', db, '--format', 'html', '--lang', 'en', '-o', file], { stdio: 'ignore' }); // whatever the locale
  const trail = JSON.parse(execFileSync(UNTRAIN_BIN, ['log', '--json', '--db', db], { encoding: 'utf8' }));

  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`file://${file}`, { waitUntil: 'load' });

    assert.deepEqual(requests, [`file://${file}`], 'the report loads nothing but itself');
    const summary = await page.textContent('.summary p[data-setting="ai-training"]');
    assert.match(summary, /^AI training: Off since 2 Mar 2026, 14:03 UTC \(switched off on the settings page\)\. It was On, by default, when first seen on 28 Feb 2026\. Checked \d+ times since, Off each time\./);
    assert.equal(await page.locator('.summary svg').count(), 1, 'one timeline for the one setting');
    const bands = await page.locator('.summary svg rect[data-state]').evaluateAll((rects) => rects.map((r) => r.dataset.state));
    // Unknown only at the end, and only when the last check is more than 30 days before the export (this test's clock).
    assert.deepEqual(bands.slice(0, 2), ['On', 'Off'], 'On until the switch-off, then Off');
    assert.ok(bands.slice(2).every((state) => state === 'unknown') && bands.length <= 3, bands.join());
    assert.equal(await page.locator('tbody tr').count(), story().length);
    // The chain head the report shows is the hash of the last event it holds, as the log has it.
    const last = trail.find((e) => e.seq === story().length);
    assert.equal((await page.textContent('#chain-head')).trim(), last.hash);
    assert.match(await page.textContent('body'), /untrain verify --file trail\.json/);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png') });
    await docsScreenshot('report.png', (to) => page.screenshot({ path: to }));
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'report.pdf'), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-', 'it prints to PDF');
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
