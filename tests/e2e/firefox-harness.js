'use strict';
// The Firefox harness: runs the real extension in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi,
// against the same LinkedIn-like fixture site as the Chromium harness (site.js), with the real native host registered
// by `untrain install --browser firefox`. It returns the session browsers.js describes, minus what BiDi cannot reach.
//
// Firefox reaches "www.linkedin.com" through a small CONNECT proxy that only lets that one host through, to the
// fixture server: URLs stay exactly LinkedIn's (no port), as the extension and the host see them in real use, and
// nothing else Firefox tries to reach leaves the machine.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const puppeteer = require('puppeteer-core');
const { ORIGIN, startFixtureServer } = require('./site');
const { ARTIFACTS, UNTRAIN_BIN, waitFor, staysFalse, run, hostView, assertHostBinary, readBanner, readCallout } = require('./session');

const ROOT = path.resolve(__dirname, '../..');
const EXTENSION = path.join(ROOT, 'extension');
const FIREFOX = process.env.UNTRAIN_FIREFOX || '/usr/bin/firefox-esr';
const ADDON_ID = 'untrain@untrain.org';

// What BiDi does not reach, and so what a scenario must do without in Firefox:
// - contentScript: BiDi evaluates in the page's realms or in sandboxes of its own, never in an extension's
//   content-script world (none of https://w3c.github.io/webdriver-bidi/#type-script-RealmType is one), so the content
//   script's decisions (banner settled, detector, visit phase) cannot be read.
// - extensionPages: Firefox 153 refuses WebDriver navigation to moz-extension:// pages without system access
//   (https://firefox-source-docs.mozilla.org/testing/geckodriver/Flags.html#allow-system-access), and puppeteer never
//   sees such a page load even then (https://github.com/puppeteer/puppeteer/issues/14314); nor can it evaluate in the
//   background script, where the outbox is kept.
const can = { contentScript: false, extensionPages: false };

/** A method Firefox's session has only to say why it cannot do it. */
function unreachable(method, capability) {
  return async () => {
    throw new Error(`${method}() is not available in Firefox (can.${capability} is false): see firefox-harness.js`);
  };
}

/** An HTTP proxy that tunnels CONNECT www.linkedin.com:443 to the fixture server and refuses everything else. */
async function startProxy(fixturePort) {
  const refused = [];
  const proxy = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  proxy.on('connect', (req, client, head) => {
    if (req.url !== 'www.linkedin.com:443') {
      refused.push(`CONNECT ${req.url}`);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const sockets = new Set();
  proxy.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: proxy.address().port,
    refused,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      proxy.close(resolve);
    }),
  };
}

/**
 * Starts a fixture server, the proxy and Firefox ESR with a fresh profile and HOME, and installs the extension as a
 * temporary add-on. host: register the native host for this HOME first (false = "the helper is not installed").
 * db: the host's database file, as in the Chromium harness. The Chromium harness's locale and extension options are
 * refused rather than ignored: nothing here sets Firefox's UI language or starts it without the add-on.
 */
async function launch({ host = true, state = 'on', name = 'e2e', db: sharedDb = null, ...unsupported } = {}) {
  assert.deepEqual(Object.keys(unsupported), [], 'options the Firefox harness cannot honour');
  name = `firefox-${name}`;
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `untrain-${name}-`));
  const home = path.join(tmp, 'home');
  const db = sharedDb ?? path.join(tmp, 'untrain.db');
  const hostManifest = path.join(home, '.mozilla/native-messaging-hosts/org.untrain.host.json');
  fs.mkdirSync(home);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const env = { ...process.env, HOME: home, UNTRAIN_DB: db };
  // Firefox 147+ writes under $XDG_CONFIG_HOME when it is set: keep everything in the test's HOME.
  delete env.XDG_CONFIG_HOME;

  async function installHost() {
    assertHostBinary();
    // What a person runs: untrain finds Firefox's per-user folder under HOME by itself.
    await run(UNTRAIN_BIN, ['install', '--browser', 'firefox'], { env });
    const manifest = JSON.parse(fs.readFileSync(hostManifest, 'utf8'));
    assert.deepEqual(manifest.allowed_extensions, [ADDON_ID], 'host manifest must allow the add-on');
  }
  if (host) await installHost();

  const server = await startFixtureServer({ state, dir: tmp });
  const proxy = await startProxy(server.port);
  const logs = [];
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true,
      defaultViewport: { width: 1280, height: 800 },
      // The host inherits the browser's environment: HOME for Firefox's native-messaging folder, UNTRAIN_DB for the test's database.
      env,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
      },
    });
  } catch (error) {
    await proxy.close();
    await server.close();
    throw error;
  }
  const addon = await browser.installExtension(EXTENSION);
  assert.equal(addon, ADDON_ID);
  const page = (await browser.pages())[0] ?? await browser.newPage();
  page.on('console', (m) => logs.push(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`[page] error: ${e.message}`));

  const bannerState = () => page.evaluate(() => document.getElementById('untrain-banner')?.dataset.state ?? null);

  return {
    browser: 'firefox',
    can,
    page,
    server,
    db,
    home,
    logs,
    tmp,
    hostManifest,

    // untrain opens its welcome page in a tab of its own on install: the scenario's tab is brought back to the front,
    // where Firefox does not throttle its timers as it does a background tab's.
    goto: async (where) => {
      await page.bringToFront();
      return page.goto(ORIGIN + where, { waitUntil: 'load' });
    },
    url: () => page.url(),
    click: (selector) => page.click(selector),
    isChecked: (selector) => page.$eval(selector, (input) => input.checked),
    box: async (selector) => (await page.$(selector))?.boundingBox() ?? null,
    count: async (selector) => (await page.$$(selector)).length,
    evaluate: (fn, arg) => page.evaluate(fn, arg),

    bannerState,
    banner: () => page.evaluate(readBanner),
    callout: () => page.evaluate(readCallout),

    /**
     * Without the content script's own word (can.contentScript), "settled on off" is approximated from the page: the
     * banner stays away for 1.5 s. No other state can be told settled from outside, so no other is accepted.
     */
    async settledBannerState(expected) {
      assert.equal(expected, 'off', 'Firefox can only tell that the banner settled on off');
      await staysFalse('the banner to stay away', bannerState);
      return expected;
    },

    inContentScript: unreachable('inContentScript', 'contentScript'),
    detect: unreachable('detect', 'contentScript'),
    contentState: unreachable('contentState', 'contentScript'),
    openExtensionPage: unreachable('openExtensionPage', 'extensionPages'),
    outbox: unreachable('outbox', 'extensionPages'),

    ...hostView(db),
    installHost,

    /** Saves a screenshot of the page as firefox-<file>, beside the Chromium one of the same scenario. */
    async screenshot(file) {
      const target = path.join(ARTIFACTS, `firefox-${file}`);
      await page.screenshot({ path: target });
      return target;
    },

    waitFor,

    async close(failed) {
      if (failed || process.env.UNTRAIN_E2E_VERBOSE) {
        console.error(`--- browser logs (${name}) ---\n${logs.join('\n')}\n--- refused by the proxy ---\n${proxy.refused.join('\n')}`);
      }
      await browser.close().catch(() => {});
      await proxy.close();
      await server.close();
      if (!failed && !process.env.UNTRAIN_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
      else console.error(`kept ${tmp}`);
      console.error(`${name}: ${Date.now() - started} ms`);
    },
  };
}

module.exports = { launch, can, ADDON_ID };
