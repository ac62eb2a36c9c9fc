'use strict';
// The real untrain host, started as Chromium starts it and spoken to over its stdin and stdout with native-messaging frames.

const { spawn } = require('node:child_process');
const { once } = require('node:events');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
// $UNTRAIN_BIN (ctest sets it), else the default preset's build.
const UNTRAIN_BIN = path.resolve(process.env.UNTRAIN_BIN || path.join(ROOT, 'build/default/host/untrain'));

/** Starts a host on database `db`. request(message) → Promise of the result (rejects with {code}); sizes: every reply's length. */
function startHost(db) {
  const child = spawn(UNTRAIN_BIN, ['chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/'], {
    env: { ...process.env, UNTRAIN_DB: db }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  let buffer = Buffer.alloc(0);
  let nextId = 1;
  const waiting = new Map();
  const sizes = [];
  child.stdout.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
      const length = buffer.readUInt32LE(0);
      sizes.push(length);
      const reply = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8'));
      buffer = buffer.subarray(4 + length);
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    }
  });
  const request = (message) => new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, (reply) => (reply.ok ? resolve(reply.result) : reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))));
    const body = Buffer.from(JSON.stringify({ ...message, id }), 'utf8');
    const prefix = Buffer.alloc(4);
    prefix.writeUInt32LE(body.length);
    child.stdin.write(Buffer.concat([prefix, body]));
  });
  const close = async () => {
    child.stdin.end();
    const [code] = child.exitCode !== null ? [child.exitCode] : await once(child, 'exit');
    return code;
  };
  return { request, close, sizes };
}

module.exports = { startHost, UNTRAIN_BIN };
