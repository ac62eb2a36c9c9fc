'use strict';
// The Chromium harness: runs the real extension in Debian's Chromium, driven by Playwright over the Chrome DevTools
// Protocol, against the LinkedIn-like fixture site (site.js), with the real native host. browsers.js describes the
// session it returns, which the Firefox harness offers too.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { ORIGIN, SETTING_PATH, RULES, startFixtureServer } = require('./site');
const { ARTIFACTS, UNTRAIN_BIN, waitFor, run, hostView, assertHostBinary, readBanner, readCallout } = require('./session');

const ROOT = path.resolve(__dirname, '../..');
const EXTENSION = path.join(ROOT, 'extension');
const CHROMIUM = process.env.UNTRAIN_CHROMIUM || '/usr/bin/chromium';
const EXTENSION_ID = 'cnfjdjaccjmkpgnehhaamchmmodophch';

// Chromium reaches everything a scenario asks about: CDP lists the content script's execution context beside the
// page's, and extension pages and the service worker are ordinary targets.
const can = { contentScript: true, extensionPages: true };

/**
 * Evaluates an expression inside the extension's content-script world of the page's main frame, to read state
 * that the extension keeps out of the page's own reach (e.g. "the banner was decided to be off").
 */
async function inContentScript(page, expression) {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    await session.send('Runtime.enable');
    const { frameTree } = await session.send('Page.getFrameTree');
    const mine = contexts.find((c) => c.origin === `chrome-extension://${EXTENSION_ID}` && c.auxData?.frameId === frameTree.frame.id);
    if (!mine) return undefined;
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, contextId: mine.id, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * Starts a fixture server and a fresh Chromium profile with the extension loaded, and returns the session browsers.js
 * describes (plus `context`, Playwright's browser context, for the Chromium-only scenarios).
 * host: install the native host's manifest for this profile (false = "the helper is not installed").
 * state: the toggle's initial state on the fixture's settings page.
 * db: the host's database file; give the same one to two launches to play a browser restart (or a second browser).
 * locale: the browser's UI language (e.g. 'de'), which picks the extension's _locales.
 * extension: false starts the same browser without untrain (the baseline of bench/content_cost.js).
 */
async function launch({ host = true, state = 'on', name = 'e2e', db: sharedDb = null, locale = 'en-US', extension = true } = {}) {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `untrain-${name}-`));
  const userDataDir = path.join(tmp, 'profile');
  const db = sharedDb ?? path.join(tmp, 'untrain.db');
  const manifestDir = path.join(userDataDir, 'NativeMessagingHosts');
  fs.mkdirSync(userDataDir);
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  // Chromium reads <user-data-dir>/NativeMessagingHosts/ at each connectNative, so this also works mid-test.
  async function installHost() {
    assertHostBinary();
    await run(UNTRAIN_BIN, ['install', '--browser', 'chromium', '--manifest-dir', manifestDir]);
    const manifest = JSON.parse(fs.readFileSync(path.join(manifestDir, 'org.untrain.host.json'), 'utf8'));
    assert.deepEqual(manifest.allowed_origins, [`chrome-extension://${EXTENSION_ID}/`], 'host manifest must allow the extension');
  }
  if (host) await installHost();

  const server = await startFixtureServer({ state, dir: tmp });
  const logs = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    // Playwright's own headless switch is replaced by --headless=new below, the mode that runs extensions.
    headless: false,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(extension ? [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : ['--disable-extensions']),
      `--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:${server.port}`,
    ],
    ignoreHTTPSErrors: true,
    locale,
    viewport: { width: 1280, height: 800 },
    // The host inherits the browser's environment: this is how it finds the test's own database. On Linux Chromium
    // takes its UI language, and so the extension's locale, from LANGUAGE.
    env: { ...process.env, UNTRAIN_DB: db, LANGUAGE: locale.replace('-', '_') },
  });
  const watchWorker = (worker) => worker.on?.('console', (m) => logs.push(`[worker] ${m.type()}: ${m.text()}`));
  context.serviceWorkers().forEach(watchWorker);
  context.on('serviceworker', watchWorker);
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => logs.push(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[page] error: ${e.message}`));

  return {
    browser: 'chromium',
    can,
    context,
    page,
    server,
    db,
    logs,
    tmp,
    hostManifest: path.join(manifestDir, 'org.untrain.host.json'),

    // untrain opens its welcome page in a tab of its own on install: the scenario's tab comes back to the front first.
    goto: async (where) => {
      await page.bringToFront();
      return page.goto(ORIGIN + where, { waitUntil: 'load' });
    },
    url: () => page.url(),
    click: (selector) => page.click(selector),
    isChecked: (selector) => page.isChecked(selector),
    box: (selector) => page.locator(selector).boundingBox(),
    count: (selector) => page.locator(selector).count(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),

    bannerState: () => page.evaluate(() => document.getElementById('untrain-banner')?.dataset.state ?? null),
    banner: () => page.evaluate(readBanner),
    callout: () => page.evaluate(readCallout),

    settledBannerState: (expected, timeoutMs) => waitFor(`the content script to settle the banner on '${expected}'`,
      async () => (await inContentScript(page, 'globalThis.untrain?.banner?.state ?? null')) === expected && expected,
      { timeoutMs }),

    inContentScript: (expression) => inContentScript(page, expression),

    detect: (id) => inContentScript(page, `(() => {
      const rules = ${JSON.stringify(RULES)};
      const r = globalThis.untrain.detect.find(document, rules.settings.find((s) => s.id === ${JSON.stringify(id)}), { rules });
      return r.found ? { found: true, value: r.value, strategy: r.strategy, id: r.element.id } : { found: false };
    })()`),

    contentState: () => inContentScript(page, '({ phase: globalThis.untrain?.visit?.current?.phase ?? null, setting: globalThis.untrain?.visit?.current?.setting ?? null, step: globalThis.untrain?.callout?.step ?? null, banner: globalThis.untrain?.banner?.state ?? null })'),

    async openExtensionPage(file, viewport = { width: 420, height: 760 }) {
      const tab = await context.newPage();
      tab.on('console', (m) => logs.push(`[${file}] ${m.type()}: ${m.text()}`));
      tab.on('pageerror', (e) => logs.push(`[${file}] error: ${e.message}`));
      await tab.setViewportSize(viewport);
      await tab.goto(`chrome-extension://${EXTENSION_ID}/${file}`);
      await tab.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      return tab;
    },

    async outbox() {
      const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 10000 });
      return worker.evaluate(async () => (await chrome.storage.local.get('outbox')).outbox ?? []);
    },

    ...hostView(db),
    installHost,

    async screenshot(file, on = page) {
      const target = path.join(ARTIFACTS, file);
      await on.screenshot({ path: target });
      return target;
    },

    waitFor,

    async close(failed) {
      if (failed || process.env.UNTRAIN_E2E_VERBOSE) console.error(`--- browser logs (${name}) ---\n${logs.join('\n')}`);
      await context.close().catch(() => {});
      await server.close();
      if (!failed && !process.env.UNTRAIN_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
      else console.error(`kept ${tmp}`);
      console.error(`${name}: ${Date.now() - started} ms`);
    },
  };
}

// CHROMIUM is also how scenarios/report.js starts a plain Chromium; ORIGIN and SETTING_PATH are re-exported for
// bench/content_cost.js, which drives Chromium through this harness.
module.exports = { launch, can, EXTENSION_ID, CHROMIUM, ORIGIN, SETTING_PATH };
