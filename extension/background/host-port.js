// One long-lived connection to the native host: requests get ids and promises, and a lost host is reconnected on the next request.
import '../shared/messages.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.messages

const { errors, host: types } = globalThis.untrain.messages;

export class HostError extends Error {
  constructor(code, message) {
    super(message || code);
    this.name = 'HostError';
    this.code = code;
  }
}

// Chromium reports a missing or unlisted host as "Specified native messaging host not found." or
// "Access to the specified native messaging host is forbidden."; Firefox as "No such native application …".
// All of them are fixed by running the installer, so the banner treats them alike.
const MISSING = /not found|no such native application|forbidden/i;

/**
 * connect(): returns a Port (runtime.connectNative bound to the host name).
 * lastError(): the runtime.lastError of the moment, for Chromium's onDisconnect.
 * onReady(hello): called after each successful hello, e.g. to flush what waited for the host.
 */
export function createHostPort({ connect, lastError = () => undefined, onReady = () => {}, timeoutMs = 15000 }) {
  let port = null;
  let info = null;
  let nextId = 1;
  const pending = new Map();

  function settle(id, fn, value) {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry[fn](value);
  }

  // Only the requests sent on that connection: an old port's late disconnect must not fail a new port's requests.
  function failAll(onPort, error) {
    for (const [id, entry] of [...pending]) if (entry.port === onPort) settle(id, 'reject', error);
  }

  function onMessage(reply) {
    if (typeof reply !== 'object' || reply === null || !pending.has(reply.id)) return;
    if (reply.ok === true) settle(reply.id, 'resolve', reply.result);
    else settle(reply.id, 'reject', new HostError(reply.error?.code || 'internal', reply.error?.message));
  }

  function onDisconnect(closed) {
    // Firefox puts the reason on the port, Chromium in runtime.lastError (read here, or Chromium logs it as unchecked).
    const message = closed?.error?.message ?? lastError()?.message ?? '';
    if (closed === port) port = null;
    failAll(closed, new HostError(MISSING.test(message) ? errors.NO_HOST : errors.HOST_EXITED, message));
  }

  function send(message) {
    const id = nextId++;
    const promise = new Promise((resolve, reject) => {
      // A host that hangs must not hold the queue or the banner for ever; dropping the port lets the next request start afresh.
      const timer = setTimeout(() => {
        drop(new HostError(errors.HOST_TIMEOUT, `no reply to ${message.type} in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer, port });
    });
    try {
      port.postMessage({ ...message, id });
    } catch (e) {
      settle(id, 'reject', new HostError(errors.HOST_EXITED, e.message));
    }
    return promise;
  }

  function ensurePort() {
    if (port) return;
    let opened;
    try {
      opened = connect();
    } catch (e) {
      throw new HostError(MISSING.test(e.message) ? errors.NO_HOST : errors.HOST_EXITED, e.message);
    }
    port = opened;
    opened.onMessage.addListener(onMessage);
    opened.onDisconnect.addListener(() => onDisconnect(opened));
    // The host serves requests in order, so hello need not be awaited before the first real request.
    send({ type: types.HELLO }).then((hello) => { info = hello; onReady(hello); }, () => {});
  }

  // Closes the connection on our side (Chromium then fires no onDisconnect) and fails what was waiting on it.
  function drop(error) {
    const closing = port;
    port = null;
    try { closing?.disconnect(); } catch { /* already gone */ }
    failAll(closing, error);
  }

  async function request(message) {
    ensurePort();
    return send(message);
  }

  const disconnect = () => drop(new HostError(errors.HOST_EXITED, 'disconnected'));

  return { request, disconnect, get info() { return info; }, get connected() { return port !== null; } };
}
