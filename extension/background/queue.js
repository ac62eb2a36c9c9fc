// The durable outbox of observations: each is stored first and removed only once the host has acknowledged it, so none is lost while the host is away.

/**
 * storage: {get(key) → Promise<value|undefined>, set(key, value) → Promise} (storage.local in the extension, a Map in tests).
 * send(observation) → Promise that resolves with the host's result when it acknowledged it, rejects with {code} otherwise.
 * isRefused(error): true when the host will never accept this item, so keeping it would block everything behind it.
 * isValid(observation): whether an item read back is still one the background would have queued; one that is not is
 * never sent, and is dropped as refused with the code 'invalid'.
 */
export function createQueue({ storage, send, isRefused = () => false, isValid = () => true, key = 'outbox', limit = 500,
  newId = () => crypto.randomUUID() }) {
  // storage.local has no transactions: every read-modify-write goes through this chain so two handlers can't interleave.
  let lock = Promise.resolve();
  const locked = (fn) => {
    const run = lock.then(fn);
    lock = run.catch(() => {});
    return run;
  };

  // Anything but a list (storage written behind our back) holds nothing to send, and must not stop the outbox for ever.
  const load = async () => {
    const items = await storage.get(key);
    return Array.isArray(items) ? items : [];
  };
  const INVALID = Object.freeze({ code: 'invalid', message: 'an outbox item that is not an observation was dropped, not sent' });

  function add(observation) {
    return locked(async () => {
      const items = await load();
      const id = newId();
      items.push({ id, observation });
      // Past the bound the oldest go: the newest observation is the one that says what the setting is now.
      const kept = items.slice(-limit);
      await storage.set(key, kept);
      return id;
    });
  }

  const remove = (id) => locked(async () => {
    await storage.set(key, (await load()).filter((item) => item.id !== id));
  });

  // Sends items oldest first and stops at the first one the host did not take, so the log keeps their order.
  async function drain(acked, refused, results) {
    for (;;) {
      const [item] = await locked(load);
      if (!item) return null;
      const intact = typeof item === 'object' && item !== null && typeof item.id === 'string' && isValid(item.observation);
      if (!intact) {
        refused.push({ id: item?.id ?? null, error: INVALID });
        // Unless it has gone meanwhile (a full outbox drops its oldest), the first item is still the one looked at.
        await locked(async () => {
          const items = await load();
          if (JSON.stringify(items[0]) === JSON.stringify(item)) await storage.set(key, items.slice(1));
        });
        continue;
      }
      try {
        results[item.id] = await send(item.observation);
        acked.push(item.id);
      } catch (error) {
        if (!isRefused(error)) return error;
        refused.push({ id: item.id, error });
      }
      await remove(item.id);
    }
  }

  // Only one drain runs at a time (else an item could be sent twice); a flush asked for meanwhile makes it drain once more,
  // and `running` is cleared in the same turn as the last look at `again`, so no request falls between the two.
  let running = null;
  let again = false;
  function flush() {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const acked = [];
      const refused = [];
      const results = {};
      let error = null;
      let remaining = 0;
      try {
        do {
          again = false;
          error = await drain(acked, refused, results);
          remaining = (await locked(load)).length;
        } while (again && !error);
      } catch (storageError) {
        error = storageError;
      } finally {
        running = null;
      }
      // results: the host's answer to each acknowledged item, by id (when it logged it, for the member to see).
      return { acked, refused, error, remaining, results };
    })();
    return running;
  }

  return { add, flush, pending: () => locked(load) };
}
