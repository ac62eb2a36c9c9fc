// The popup's "Export audit trail": fetches an export chunk by chunk through the background (each message carries one
// host reply, under 1 MiB) and saves it as a download from a Blob and <a download>, so no "downloads" permission.
import '../shared/messages.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.messages

const { popup, exportFormats, reportLanguages } = globalThis.untrain.messages;

// What the member reads when an export failed, by error code (host-port.js's and the host's codes): message names of
// _locales, in the member's language.
const FAILURES = {
  'no-host': 'exportFailedNoHost',
  'host-exited': 'exportFailedExited',
  'host-timeout': 'exportFailedTimeout',
  storage_unavailable: 'exportFailedStorage',
};

// The background answers {error, message} when something failed (background.js); anything else is the host's result.
async function checked(ask, message) {
  const reply = await ask(message);
  if (!reply || typeof reply !== 'object' || reply.error !== undefined || typeof reply.chunk !== 'string') {
    throw Object.assign(new Error(reply?.message ?? 'no answer from untrain'), { code: reply?.error ?? 'internal' });
  }
  return reply;
}

/**
 * ask(message) → Promise of the background's answer (runtime.sendMessage in the popup). lang: the HTML report's
 * language (messages.reportLanguage of the browser's UI language); left out when it is none of the host's, and the
 * host writes English.
 * Returns {parts, file_name, media_type, events, complete, chain_head, size}; parts are the chunks' texts, in order.
 * Throws an Error with a code when the export failed.
 */
export async function request({ ask, format, lang, completeTrail = false }) {
  if (!exportFormats.includes(format)) throw Object.assign(new Error(`unknown export format ${format}`), { code: 'internal' });
  // Without `completeTrail`, what is handed on leaves the reminders (nudges) out (docs/audit-trail.md).
  let reply = await checked(ask, {
    type: popup.EXPORT, format, ...(reportLanguages.includes(lang) ? { lang } : {}), ...(completeTrail ? { complete: true } : {}),
  });
  const { file_name, media_type, events, complete, chain_head, size } = reply;
  const parts = [reply.chunk];
  while (!reply.done) {
    reply = await checked(ask, { type: popup.EXPORT_CHUNK, export: reply.export, offset: reply.next });
    parts.push(reply.chunk);
  }
  return { parts, file_name, media_type, events, complete, chain_head, size };
}

/** Saves the export's parts as one file through the page's own download of a Blob. */
export function save(doc, { parts, file_name: fileName, media_type: mediaType }) {
  const url = URL.createObjectURL(new Blob(parts, { type: `${mediaType};charset=utf-8` }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// t(key, ...substitutions) is shared/i18n.js's: each line below is in the member's language.

/** The line the popup shows while an export is being made, e.g. "Exporting JSON…". */
export const describeWork = (format, { t }) => t('exportWorking', format.toUpperCase());

/** The line the popup shows after an export. */
export function describe(result, { t }) {
  const events = result.events === 1 ? t('exportEventsOne') : t('exportEventsMany', result.events);
  return result.chain_head ? t('exportSavedWithHead', result.file_name, events, result.chain_head.hash.slice(0, 12))
    : t('exportSaved', result.file_name, events);
}

export function describeFailure(error, { t }) {
  return FAILURES[error.code] ? t(FAILURES[error.code]) : t('exportFailed', error.message);
}
