'use strict';
// Runs the real extension in Debian's Chromium against LinkedIn-like fixture pages served as www.linkedin.com, with the real native host.

const assert = require('node:assert/strict');
const { execFile, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const https = require('node:https');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '../..');
const EXTENSION = path.join(ROOT, 'extension');
const FIXTURES = path.join(ROOT, 'tests/fixtures/linkedin');
const ARTIFACTS = path.resolve(process.env.UNTRAIN_ARTIFACTS || path.join(ROOT, 'tests/e2e/artifacts'));
// The host binary under test: $UNTRAIN_BIN (ctest sets it), else the default preset's build.
const UNTRAIN_BIN = path.resolve(process.env.UNTRAIN_BIN
  || ['build/default/untrain', 'build/default/host/untrain'].map((p) => path.join(ROOT, p)).find((p) => fs.existsSync(p))
  || path.join(ROOT, 'build/default/untrain'));
const CHROMIUM = process.env.UNTRAIN_CHROMIUM || '/usr/bin/chromium';

const ORIGIN = 'https://www.linkedin.com';
const SETTING_PATH = '/mypreferences/d/settings/data-for-ai-improvement';
const SETTING_URL = ORIGIN + SETTING_PATH;
const EXTENSION_ID = 'cnfjdjaccjmkpgnehhaamchmmodophch';
const RULES = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Polls fn until it returns a truthy value; fails with `what` and the last value seen after timeoutMs. */
async function waitFor(what, fn, { timeoutMs = 15000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value) {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function run(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 10000, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function makeCertificate(dir) {
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=www.linkedin.com',
    '-addext', 'subjectAltName=DNS:www.linkedin.com', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
}

/**
 * Serves tests/fixtures/linkedin/ by LinkedIn's paths. `fixture.state` ('on'/'off') is the toggle's saved state,
 * which a page's POST /fixture-api/state changes and `?fixture-state=` overrides for one request;
 * `?fixture=NAME` picks NAME.html instead of index.html in the path's folder.
 */
async function startFixtureServer({ state, dir }) {
  // accept: false makes the server refuse every change of the toggle, as LinkedIn's API might.
  const fixture = { state, requests: [], accept: true };
  const server = https.createServer(makeCertificate(dir), (req, res) => {
    const url = new URL(req.url, ORIGIN);
    fixture.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method === 'POST' && url.pathname === '/fixture-api/state') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        if (!fixture.accept) {
          res.writeHead(500).end();
          return;
        }
        if (body === 'on' || body === 'off') fixture.state = body;
        res.writeHead(204).end();
      });
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = fixtureFile(url);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
      return;
    }
    let body = fs.readFileSync(file);
    if (file.endsWith('.html')) {
      const on = (url.searchParams.get('fixture-state') ?? fixture.state) === 'on';
      body = withLayout(body.toString('utf8'))
        .replaceAll('{{checked}}', on ? 'checked' : '')
        .replaceAll('{{aria-checked}}', String(on))
        .replaceAll('{{state-text}}', on ? 'On' : 'Off');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    fixture,
    port: server.address().port,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * Settings pages share LinkedIn's frame (head, global nav, side menu): such a fixture holds only its own content,
 * after a first line `<!-- fixture-layout: NAME; lang=…; title=…; scripts=a.js,b.js -->`, and is served inside
 * tests/fixtures/linkedin/layouts/NAME.html.
 */
function withLayout(text) {
  const header = text.match(/^<!-- fixture-layout: ([a-z-]+);(.*?) -->\n/);
  if (!header) return text;
  const fields = Object.fromEntries(header[2].split(';').map((pair) => pair.trim().split(/=(.*)/s).slice(0, 2)));
  const layout = fs.readFileSync(path.join(FIXTURES, 'layouts', `${header[1]}.html`), 'utf8').replace(/^<!--.*?-->\n/, '');
  const scripts = (fields.scripts ?? '').split(',').filter(Boolean).map((src) => `  <script src="${src}"></script>\n`).join('');
  return layout.replace('{{lang}}', fields.lang ?? 'en').replace('{{title}}', fields.title ?? 'LinkedIn')
    .replace('{{scripts}}', scripts).replace('{{main}}', () => text.slice(header[0].length).replace(/\n$/, ''));
}

function fixtureFile(url) {
  const parts = decodeURIComponent(url.pathname).split('/').filter(Boolean);
  if (parts.some((part) => part === '..' || part.startsWith('.'))) return null;
  const variant = url.searchParams.get('fixture') ?? 'index';
  if (!/^[a-z-]+$/.test(variant)) return null;
  const asFile = path.join(FIXTURES, ...parts);
  for (const candidate of [asFile, path.join(asFile, `${variant}.html`)]) {
    if (candidate.startsWith(FIXTURES + path.sep) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Runs in the page: what the banner shows and how it is built (read through its open shadow root), or null. */
function readBanner() {
  const host = document.getElementById('untrain-banner');
  if (!host) return null;
  const root = host.shadowRoot;
  const box = host.getBoundingClientRect();
  return {
    state: host.dataset.state,
    verdict: host.dataset.verdict,
    role: host.getAttribute('role'),
    label: host.getAttribute('aria-label'),
    open: root !== null,
    text: root?.querySelector('p')?.textContent ?? null,
    links: root ? [...root.querySelectorAll('a')].map((a) => a.href) : [],
    styles: root ? [...root.querySelectorAll('style')].map((s) => s.textContent).join('\n') : '',
    top: box.top,
    bottom: box.bottom,
    height: box.height,
    hostChildren: host.children.length,
  };
}

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
 * Starts a fixture server and a fresh Chromium profile with the extension loaded.
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
  fs.mkdirSync(userDataDir);
  fs.mkdirSync(ARTIFACTS, { recursive: true });

  // Chromium reads <user-data-dir>/NativeMessagingHosts/ at each connectNative, so this also works mid-test.
  async function installHost() {
    assert.ok(fs.existsSync(UNTRAIN_BIN), `the host binary ${UNTRAIN_BIN} does not exist: build it or set UNTRAIN_BIN`);
    const manifestDir = path.join(userDataDir, 'NativeMessagingHosts');
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

  const harness = {
    context,
    page,
    server,
    db,
    logs,
    tmp,

    goto: (where) => page.goto(ORIGIN + where, { waitUntil: 'load' }),

    /** The banner's data-state, or null when there is none. */
    bannerState: () => page.evaluate(() => document.getElementById('untrain-banner')?.dataset.state ?? null),

    /** What the banner shows and how it is built (read through its open shadow root). */
    banner: () => page.evaluate(readBanner),

    /** Waits until the content script has decided the banner (and shown it unless 'off'); returns its state. */
    settledBannerState: (expected, timeoutMs) => waitFor(`the content script to settle the banner on '${expected}'`,
      async () => (await inContentScript(page, 'globalThis.untrain?.banner?.state ?? null')) === expected && expected,
      { timeoutMs }),

    inContentScript: (expression) => inContentScript(page, expression),

    /**
     * The extension's own detector run on this page, in the content script's world: {found, value, strategy, id}
     * for the rules' setting `id` (the element's id in place of the element).
     */
    detect: (id) => inContentScript(page, `(() => {
      const rules = ${JSON.stringify(RULES)};
      const r = globalThis.untrain.detect.find(document, rules.settings.find((s) => s.id === ${JSON.stringify(id)}), rules.settings);
      return r.found ? { found: true, value: r.value, strategy: r.strategy, id: r.element.id } : { found: false };
    })()`),

    /** The callout on a setting's page, read through its open shadow root; null when there is none. */
    callout: () => page.evaluate(() => {
      const host = document.getElementById('untrain-callout');
      if (!host) return null;
      const root = host.shadowRoot;
      const ring = root.querySelector('.ring');
      const box = (el) => (el && !el.hidden ? el.getBoundingClientRect().toJSON() : null);
      return {
        step: host.dataset.step,
        role: host.getAttribute('role'),
        label: host.getAttribute('aria-label'),
        text: root.querySelector('.text')?.textContent ?? null,
        formText: root.querySelector('.form-text')?.textContent ?? null,
        buttons: [...root.querySelectorAll('button')].map((b) => ({ text: b.textContent, disabled: b.disabled })),
        links: [...root.querySelectorAll('a')].map((a) => a.href),
        ring: box(ring),
        panel: box(root.querySelector('.panel')),
      };
    }),

    /** What the content script decided on this page: the visit's phase and the callout's step (kept out of the page's reach). */
    contentState: () => inContentScript(page, '({ phase: globalThis.untrain?.visit?.current?.phase ?? null, setting: globalThis.untrain?.visit?.current?.setting ?? null, step: globalThis.untrain?.callout?.step ?? null, banner: globalThis.untrain?.banner?.state ?? null })'),

    /** Opens an extension page (e.g. 'popup/popup.html') in a new tab of the given size and waits until it says it is ready. */
    async openExtensionPage(file, viewport = { width: 420, height: 760 }) {
      const tab = await context.newPage();
      tab.on('console', (m) => logs.push(`[${file}] ${m.type()}: ${m.text()}`));
      tab.on('pageerror', (e) => logs.push(`[${file}] error: ${e.message}`));
      await tab.setViewportSize(viewport);
      await tab.goto(`chrome-extension://${EXTENSION_ID}/${file}`);
      await tab.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      return tab;
    },

    /** `untrain status --json` for this test's database: the host's own view, verdicts and nudges included. */
    async hostStatus() {
      return JSON.parse(await run(UNTRAIN_BIN, ['status', '--json', '--db', db]))[0];
    },

    installHost,

    /** The observations in the host's event log for this test's database (empty before the first one). */
    async trail() {
      return (await harness.events()).filter((e) => e.kind === 'observation');
    },

    /** Every event in the host's log: observations, nudges and forms, oldest first. */
    async events() {
      if (!fs.existsSync(db)) return [];
      return JSON.parse(await run(UNTRAIN_BIN, ['log', '--json', '--db', db]));
    },

    /** The observations still waiting in the extension's outbox (storage.local). */
    async outbox() {
      const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker', { timeout: 10000 });
      return worker.evaluate(async () => (await chrome.storage.local.get('outbox')).outbox ?? []);
    },

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
  return harness;
}

/**
 * One end-to-end scenario as one node:test test: a fresh browser, fixture server and database, closed afterwards;
 * on failure the browser's console output is printed and the temporary folder kept.
 */
function scenario(title, options, body) {
  const { test } = require('node:test');
  test(title, { timeout: 60000 }, async () => {
    const harness = await launch(options);
    let failed = true;
    try {
      await body(harness);
      failed = false;
    } finally {
      await harness.close(failed);
    }
  });
}

module.exports = { launch, scenario, waitFor, ORIGIN, SETTING_PATH, SETTING_URL, EXTENSION_ID, UNTRAIN_BIN, RULES };
// Shared with the Firefox harness (firefox-harness.js): the same fixture server, polling and process helpers.
module.exports.startFixtureServer = startFixtureServer;
module.exports.run = run;
module.exports.readBanner = readBanner;

