// What the confirmation page records: the form report the member confirms here, on a page of ours, rather than on
// LinkedIn's, where a page script could lay our button under a decoy (docs/security.md).
import '../shared/messages.js'; // a classic script: it sets globalThis.untrain.messages

const { messages } = globalThis.untrain;

/**
 * The form report for the page's query (what the background put there: platform, form, account) once the member
 * confirms `sentOn` (YYYY-MM-DD) at `time`; null when the query or the date is not one the host would take. The URL it
 * records is the form's own (`formUrl`, from the rules), never the LinkedIn page the member was on (docs/audit-trail.md).
 */
export function report(query, { sentOn, time, formUrl = null }) {
  const form = {
    platform: query.get('platform'),
    account: query.get('account'),
    form: query.get('form'),
    sent_on: sentOn,
    // Only the callout on LinkedIn's page asks for this page.
    source: messages.nudgeSources.CALLOUT,
    ...(formUrl ? { url: formUrl } : {}),
    time,
  };
  return messages.isForm(form) ? form : null;
}

/** The form's rule from the platform's rules, or null. */
export const formRule = (rules, query) => (rules?.forms ?? []).find((f) => f.id === query.get('form')) ?? null;
