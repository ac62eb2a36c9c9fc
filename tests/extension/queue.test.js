'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');

const { createQueue } = load('background/queue.js');

// storage.local's asynchronous get/set over a Map, with copies so the queue can't mutate what is "stored".
function fakeStorage() {
  const map = new Map();
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return {
    map,
    async get(key) { await tick(); return map.has(key) ? structuredClone(map.get(key)) : undefined; },
    async set(key, value) { await tick(); map.set(key, structuredClone(value)); },
  };
}

// A host that records what it acknowledged; `down` makes it fail as when it is not installed.
function fakeHost({ down = false, refuse = () => false, delayMs = 0 } = {}) {
  const host = {
    down,
    received: [],
    async send(observation) {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (host.down) throw Object.assign(new Error('not found'), { code: 'no-host' });
      if (refuse(observation)) throw Object.assign(new Error('bad'), { code: 'unknown_setting' });
      host.received.push(observation.n);
    },
  };
  return host;
}

const obs = (n) => ({ n });
let counter = 0;
const newId = () => `id-${++counter}`;

test('observations reach the host in the order they were added', async () => {
  const host = fakeHost();
  const queue = createQueue({ storage: fakeStorage(), send: host.send, newId });
  for (const n of [1, 2, 3]) await queue.add(obs(n));
  const result = await queue.flush();
  assert.deepEqual(host.received, [1, 2, 3]);
  assert.equal(result.acked.length, 3);
  assert.equal(result.remaining, 0);
  assert.equal(result.error, null);
});

test('an observation is stored before it is sent', async () => {
  const storage = fakeStorage();
  const queue = createQueue({ storage, send: () => new Promise(() => {}), newId });
  await queue.add(obs(1));
  assert.deepEqual(storage.map.get('outbox').map((item) => item.observation), [obs(1)]);
});

test('while the host is missing nothing is lost, and everything goes out in order once it is back', async () => {
  const host = fakeHost({ down: true });
  const storage = fakeStorage();
  const queue = createQueue({ storage, send: host.send, newId });
  await queue.add(obs(1));
  let result = await queue.flush();
  assert.equal(result.error.code, 'no-host');
  assert.deepEqual(result.acked, []);
  await queue.add(obs(2));
  result = await queue.flush();
  assert.equal(result.remaining, 2);
  assert.deepEqual((await queue.pending()).map((item) => item.observation.n), [1, 2]);

  host.down = false;
  result = await queue.flush();
  assert.deepEqual(host.received, [1, 2]);
  assert.equal(result.remaining, 0);
});

test('an item is removed only after the host acknowledged it', async () => {
  let acknowledge;
  const storage = fakeStorage();
  const queue = createQueue({ storage, send: () => new Promise((resolve) => { acknowledge = resolve; }), newId });
  await queue.add(obs(1));
  const flushing = queue.flush();
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal((await queue.pending()).length, 1, 'still queued while the host has not answered');
  acknowledge();
  await flushing;
  assert.equal((await queue.pending()).length, 0);
});

test('the host failing midway keeps the unsent items and their order', async () => {
  const host = fakeHost();
  const queue = createQueue({
    storage: fakeStorage(),
    send: async (o) => { if (o.n === 2 && !host.back) throw Object.assign(new Error('exited'), { code: 'host-exited' }); return host.send(o); },
    newId,
  });
  for (const n of [1, 2, 3]) await queue.add(obs(n));
  const first = await queue.flush();
  assert.equal(first.error.code, 'host-exited');
  assert.deepEqual(host.received, [1]);
  assert.deepEqual((await queue.pending()).map((item) => item.observation.n), [2, 3]);
  host.back = true;
  await queue.flush();
  assert.deepEqual(host.received, [1, 2, 3]);
});

test('concurrent flushes send each item exactly once', async () => {
  const host = fakeHost({ delayMs: 5 });
  const queue = createQueue({ storage: fakeStorage(), send: host.send, newId });
  const adds = [];
  for (let n = 1; n <= 5; n++) adds.push(queue.add(obs(n)).then(() => queue.flush()));
  await Promise.all(adds);
  await queue.flush();
  assert.deepEqual(host.received, [1, 2, 3, 4, 5]);
  assert.equal((await queue.pending()).length, 0);
});

test('an item added while a flush is running is sent by that flush and reported acknowledged to its caller', async () => {
  const host = fakeHost({ delayMs: 10 });
  const queue = createQueue({ storage: fakeStorage(), send: host.send, newId });
  await queue.add(obs(1));
  const first = queue.flush();
  const id = await queue.add(obs(2));
  const second = await queue.flush();
  assert.ok(second.acked.includes(id), 'the second caller learns its item was acknowledged');
  await first;
  assert.deepEqual(host.received, [1, 2]);
});

test('concurrent adds are all kept', async () => {
  const queue = createQueue({ storage: fakeStorage(), send: () => new Promise(() => {}), newId });
  await Promise.all([1, 2, 3, 4].map((n) => queue.add(obs(n))));
  assert.deepEqual((await queue.pending()).map((item) => item.observation.n).sort(), [1, 2, 3, 4]);
});

test('an item the host will never accept is dropped instead of blocking those behind it', async () => {
  const host = fakeHost({ refuse: (o) => o.n === 2 });
  const queue = createQueue({ storage: fakeStorage(), send: host.send, newId, isRefused: (e) => e.code === 'unknown_setting' });
  for (const n of [1, 2, 3]) await queue.add(obs(n));
  const result = await queue.flush();
  assert.deepEqual(host.received, [1, 3]);
  assert.equal(result.refused.length, 1);
  assert.equal(result.refused[0].error.code, 'unknown_setting');
  assert.equal(result.remaining, 0);
});

test('a refusal that is not known to be permanent keeps the item', async () => {
  const host = fakeHost({ refuse: (o) => o.n === 1 });
  const queue = createQueue({ storage: fakeStorage(), send: host.send, newId });
  await queue.add(obs(1));
  const result = await queue.flush();
  assert.equal(result.remaining, 1);
  assert.deepEqual(result.refused, []);
});

test('past its bound the queue keeps the newest observations', async () => {
  const queue = createQueue({ storage: fakeStorage(), send: () => new Promise(() => {}), newId, limit: 3 });
  for (const n of [1, 2, 3, 4, 5]) await queue.add(obs(n));
  assert.deepEqual((await queue.pending()).map((item) => item.observation.n), [3, 4, 5]);
});

test('flushing an empty queue sends nothing', async () => {
  const host = fakeHost();
  const queue = createQueue({ storage: fakeStorage(), send: host.send, newId });
  const result = await queue.flush();
  assert.deepEqual(result, { acked: [], refused: [], error: null, remaining: 0, results: {} });
  assert.deepEqual(host.received, []);
});

test("the host's answer to each acknowledged item comes back with its id", async () => {
  const storage = fakeStorage();
  let seq = 0;
  const queue = createQueue({ storage, send: async () => ({ seq: ++seq, recorded: 1000 + seq }), newId });
  const first = await queue.add(obs(1));
  const second = await queue.add(obs(2));
  const { acked, results } = await queue.flush();
  assert.deepEqual(acked, [first, second]);
  assert.deepEqual(results[first], { seq: 1, recorded: 1001 });
  assert.deepEqual(results[second], { seq: 2, recorded: 1002 });
});
