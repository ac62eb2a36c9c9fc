'use strict';
// The real outbox (background/queue.js) against the real host binary when the host cannot store: each observation stays
// in storage while the host answers storage_unavailable, and all go out once, in order, when storage is back.

const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test } = require('node:test');
const { load } = require('./load');

const { messages } = load('shared/messages.js');
const { createQueue } = load('background/queue.js');
const { startHost, UNTRAIN_BIN } = require('./native-host');

// storage.local over a Map, as in queue.test.js: asynchronous, and storing copies.
function fakeStorage() {
  const map = new Map();
  return {
    map,
    async get(key) { return map.has(key) ? structuredClone(map.get(key)) : undefined; },
    async set(key, value) { map.set(key, structuredClone(value)); },
  };
}

const observation = (n) => ({
  platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: n % 2 === 0,
  url: `https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement?n=${n}`, time: 1795903200000 + n, source: 'page-load',
});

// The queue wired to the host exactly as background.js wires it.
function outbox(host, storage) {
  return createQueue({
    storage,
    send: (o) => host.request({ type: messages.host.OBSERVE, ...o }),
    isRefused: (error) => messages.errors.REFUSED.includes(error.code),
  });
}

const logged = (db) => JSON.parse(execFileSync(UNTRAIN_BIN, ['log', '--json', '--db', db], { encoding: 'utf8' }));
const skip = !fs.existsSync(UNTRAIN_BIN) && `no host binary at ${UNTRAIN_BIN}`;

test('storage_unavailable is never a refusal: the queue would otherwise drop what the host could not store', () => {
  assert.equal(messages.errors.REFUSED.includes('storage_unavailable'), false);
});

test('while the database cannot be created the observations stay queued, then go out once, in order', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untrain-queue-faults-'));
  try {
    // A file where the database's folder should be: the host cannot create it (ENOTDIR, even for root).
    const blocker = path.join(dir, 'data');
    fs.writeFileSync(blocker, 'not a folder');
    const db = path.join(blocker, 'untrain.db');
    const host = startHost(db);
    const storage = fakeStorage();
    const queue = outbox(host, storage);

    for (const n of [1, 2, 3]) await queue.add(observation(n));
    let result = await queue.flush();
    assert.equal(result.error.code, 'storage_unavailable');
    assert.deepEqual(result.acked, []);
    assert.deepEqual(result.refused, []);
    assert.deepEqual((await queue.pending()).map((item) => item.observation.time), [1, 2, 3].map((n) => 1795903200000 + n));

    await queue.add(observation(4));
    result = await queue.flush();
    assert.equal(result.error.code, 'storage_unavailable');
    assert.equal(result.remaining, 4);

    fs.rmSync(blocker);  // storage is back; the same host process opens it on the next request
    result = await queue.flush();
    assert.equal(result.error, null);
    assert.equal(result.acked.length, 4);
    assert.equal(result.remaining, 0);
    assert.equal(await host.close(), 0);
    assert.deepEqual(logged(db).map((e) => e.time), [1, 2, 3, 4].map((n) => 1795903200000 + n));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged database: the observation stays queued, the file is moved aside, and the retry starts a new trail', { skip }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untrain-queue-faults-'));
  try {
    const db = path.join(dir, 'untrain.db');
    // SQLite's header, then garbage: only a file that says it is SQLite's is untrain's to move aside (any other file
    // at the path is refused and left as it is).
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 0x17)]);
    fs.writeFileSync(db, garbage);
    const host = startHost(db);
    const queue = outbox(host, fakeStorage());

    await queue.add(observation(1));
    let result = await queue.flush();
    assert.equal(result.error.code, 'storage_unavailable');
    assert.match(result.error.message, /moved aside/);
    assert.equal(result.remaining, 1);
    const moved = fs.readdirSync(dir).filter((name) => name.startsWith('untrain.db.corrupt-'));
    assert.equal(moved.length, 1);
    assert.deepEqual(fs.readFileSync(path.join(dir, moved[0])), garbage);

    await queue.add(observation(2));
    result = await queue.flush();
    assert.equal(result.error, null);
    assert.equal(result.acked.length, 2);
    assert.equal(await host.close(), 0);
    assert.deepEqual(logged(db).map((e) => [e.seq, e.time]), [[1, 1795903200001], [2, 1795903200002]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
