// Fetches one export of the audit trail from the host: the host makes the file, then hands it out in chunks under its 1 MiB reply limit.
(() => {
  const untrain = (globalThis.untrain ??= {});

  /**
   * request(message) → Promise of the host's result (host-port.js's request).
   * Returns the export as one string with what the host says about it: {text, file_name, media_type, events, complete, chain_head}.
   */
  function createExportFetcher({ request }) {
    const { host: types } = untrain.messages;
    return async function fetchExport(format) {
      let reply = await request({ type: types.EXPORT, format });
      const { file_name, media_type, events, complete, chain_head, size } = reply;
      const parts = [reply.chunk];
      while (!reply.done) {
        reply = await request({ type: types.EXPORT_CHUNK, export: reply.export, offset: reply.next });
        parts.push(reply.chunk);
      }
      return { text: parts.join(''), file_name, media_type, events, complete, chain_head, size };
    };
  }

  untrain.createExportFetcher = createExportFetcher;
})();
