'use strict';

const assert = require('node:assert/strict');
const { test, afterEach } = require('node:test');
const { load } = require('./load');

const { createHostPort } = load('background/host-port.js');

// A stand-in for runtime.connectNative's Port: records what is posted, lets the test answer or drop the connection.
function fakeBrowser() {
  const browser = { ports: [], lastError: undefined };
  browser.connect = () => {
    const listeners = { message: [], disconnect: [] };
    const port = {
      posted: [],
      postMessage(message) { port.posted.push(message); },
      disconnect() { port.closed = true; },
      onMessage: { addListener: (fn) => listeners.message.push(fn) },
      onDisconnect: { addListener: (fn) => listeners.disconnect.push(fn) },
      reply(message) { listeners.message.forEach((fn) => fn(message)); },
      // Chromium sets runtime.lastError only while onDisconnect runs; Firefox sets port.error.
      drop({ chromium, firefox } = {}) {
        if (firefox) port.error = { message: firefox };
        browser.lastError = chromium ? { message: chromium } : undefined;
        listeners.disconnect.forEach((fn) => fn(port));
        browser.lastError = undefined;
      },
    };
    browser.ports.push(port);
    return port;
  };
  return browser;
}

// Every connection a test opens is closed after it, so no request timer outlives the test.
const opened = [];
afterEach(() => opened.splice(0).forEach((host) => host.disconnect()));
function hostPort(browser, options = {}) {
  const host = createHostPort({ connect: browser.connect, lastError: () => browser.lastError, timeoutMs: 2000, ...options });
  opened.push(host);
  return host;
}
const ok = (port, index, result) => port.reply({ id: port.posted[index].id, ok: true, result });

test('nothing connects until the first request', () => {
  const browser = fakeBrowser();
  hostPort(browser);
  assert.equal(browser.ports.length, 0);
});

test('hello is the first message on every connection', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser);
  const reply = host.request({ type: 'status', platform: 'linkedin' });
  const [port] = browser.ports;
  assert.deepEqual(port.posted.map((m) => m.type), ['hello', 'status']);
  ok(port, 1, { settings: [] });
  assert.deepEqual(await reply, { settings: [] });
});

test('each request gets its own id and the reply with that id settles it', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser);
  const a = host.request({ type: 'status', platform: 'a' });
  const b = host.request({ type: 'status', platform: 'b' });
  const [port] = browser.ports;
  const ids = port.posted.map((m) => m.id);
  assert.equal(new Set(ids).size, ids.length);
  ok(port, 2, 'b');
  ok(port, 1, 'a');
  assert.deepEqual(await Promise.all([a, b]), ['a', 'b']);
});

test('a host error reply rejects with the host error code', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser);
  const reply = host.request({ type: 'observe' });
  const [port] = browser.ports;
  port.reply({ id: port.posted[1].id, ok: false, error: { code: 'unknown_setting', message: 'no such setting' } });
  await assert.rejects(reply, { code: 'unknown_setting', message: 'no such setting' });
});

test('a missing host rejects pending requests with no-host, in Chromium and in Firefox', async () => {
  for (const drop of [{ chromium: 'Specified native messaging host not found.' },
    { firefox: 'No such native application org.untrain.host' },
    { chromium: 'Access to the specified native messaging host is forbidden.' }]) {
    const browser = fakeBrowser();
    const host = hostPort(browser);
    const reply = host.request({ type: 'status' });
    browser.ports[0].drop(drop);
    await assert.rejects(reply, { code: 'no-host' }, JSON.stringify(drop));
  }
});

test('a host that exits rejects pending requests with host-exited', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser);
  const reply = host.request({ type: 'status' });
  browser.ports[0].drop({ chromium: 'Native host has exited.' });
  await assert.rejects(reply, { code: 'host-exited' });
});

test('after a disconnect the next request connects again and says hello again', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser);
  const first = host.request({ type: 'status' });
  browser.ports[0].drop({ chromium: 'Specified native messaging host not found.' });
  await assert.rejects(first);
  const second = host.request({ type: 'status' });
  assert.equal(browser.ports.length, 2);
  const port = browser.ports[1];
  assert.deepEqual(port.posted.map((m) => m.type), ['hello', 'status']);
  ok(port, 1, 'fine');
  assert.equal(await second, 'fine');
});

test('onReady runs after a successful hello, with the host identity', async () => {
  const browser = fakeBrowser();
  let ready = null;
  const host = hostPort(browser, { onReady: (hello) => { ready = hello; } });
  host.request({ type: 'status' }).catch(() => {});
  ok(browser.ports[0], 0, { host: 'untrain', protocol: 1 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(ready, { host: 'untrain', protocol: 1 });
  assert.deepEqual(host.info, { host: 'untrain', protocol: 1 });
});

test('a host that does not answer in time fails the request and is dropped', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser, { timeoutMs: 20 });
  await assert.rejects(host.request({ type: 'status' }), { code: 'host-timeout' });
  assert.equal(browser.ports[0].closed, true);
  host.request({ type: 'status' }).catch(() => {});
  assert.equal(browser.ports.length, 2, 'the next request reconnects');
});

test("an old connection's late disconnect does not fail requests on the new one", async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser, { timeoutMs: 20 });
  await assert.rejects(host.request({ type: 'status' }), { code: 'host-timeout' });
  const second = host.request({ type: 'status' });
  browser.ports[0].drop({ chromium: 'Native host has exited.' });
  ok(browser.ports[1], 1, 'still fine');
  assert.equal(await second, 'still fine');
});

test('replies with unknown ids are ignored', async () => {
  const browser = fakeBrowser();
  const host = hostPort(browser);
  const reply = host.request({ type: 'status' });
  const [port] = browser.ports;
  port.reply({ id: 999, ok: true, result: 'stray' });
  port.reply(null);
  ok(port, 1, 'mine');
  assert.equal(await reply, 'mine');
});
