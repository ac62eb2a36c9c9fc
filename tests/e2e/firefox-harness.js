'use strict';
// Runs the real extension in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi, against the same
// LinkedIn-like fixture pages as harness.js, with the real native host registered by `untrain install --browser firefox`.
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
const { startFixtureServer, run, waitFor, readBanner, ORIGIN, UNTRAIN_BIN } = require('./harness');

const ROOT = path.resolve(__dirname, '../..');
const EXTENSION = path.join(ROOT, 'extension');
const ARTIFACTS = path.resolve(process.env.UNTRAIN_ARTIFACTS || path.join(ROOT, 'tests/e2e/artifacts'));
const FIREFOX = process.env.UNTRAIN_FIREFOX || '/usr/bin/firefox-esr';
const ADDON_ID = 'untrain@untrain.org';

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
 */
async function launch({ host = true, state = 'on', name = 'firefox' } = {}) {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `untrain-${name}-`));
  const home = path.join(tmp, 'home');
  const db = path.join(tmp, 'untrain.db');
  fs.mkdirSync(home);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const env = { ...process.env, HOME: home, UNTRAIN_DB: db };
  // Firefox 147+ writes under $XDG_CONFIG_HOME when it is set: keep everything in the test's HOME.
  delete env.XDG_CONFIG_HOME;

  if (host) {
    assert.ok(fs.existsSync(UNTRAIN_BIN), `the host binary ${UNTRAIN_BIN} does not exist: build it or set UNTRAIN_BIN`);
    // What a person runs: untrain finds Firefox's per-user folder under HOME by itself.
    await run(UNTRAIN_BIN, ['install', '--browser', 'firefox'], { env });
    const manifest = JSON.parse(fs.readFileSync(path.join(home, '.mozilla/native-messaging-hosts/org.untrain.host.json'), 'utf8'));
    assert.deepEqual(manifest.allowed_extensions, [ADDON_ID], 'host manifest must allow the add-on');
  }

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

  const harness = {
    browser,
    page,
    server,
    db,
    home,
    logs,
    tmp,

    goto: (where) => page.goto(ORIGIN + where, { waitUntil: 'load' }),

    /** The banner's data-state, or null when there is none. */
    bannerState: () => page.evaluate(() => document.getElementById('untrain-banner')?.dataset.state ?? null),

    /** What the banner shows (read through its open shadow root). */
    banner: () => page.evaluate(readBanner),

    isChecked: (selector) => page.$eval(selector, (input) => input.checked),

    /** The observations in the host's event log for this test's database (empty before the first one). */
    async trail() {
      return (await harness.events()).filter((e) => e.kind === 'observation');
    },

    /** Every event in the host's log: observations, nudges and forms, oldest first. */
    async events() {
      if (!fs.existsSync(db)) return [];
      return JSON.parse(await run(UNTRAIN_BIN, ['log', '--json', '--db', db]));
    },

    async screenshot(file) {
      const target = path.join(ARTIFACTS, file);
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
  return harness;
}

/** One end-to-end scenario in Firefox as one node:test test: a fresh browser, HOME, fixture server and database. */
function scenario(title, options, body) {
  const { test } = require('node:test');
  test(title, { timeout: 90000 }, async () => {
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

/** Passes when `fn` stays falsy for the whole of `ms`: for "nothing happens" after something observable did. */
async function staysFalse(what, fn, ms = 1500) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn();
    assert.ok(!value, `${what}: got ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

module.exports = { launch, scenario, staysFalse, waitFor, ADDON_ID };
