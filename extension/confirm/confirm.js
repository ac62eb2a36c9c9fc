// Wires the confirmation page that "I've sent it" on LinkedIn's page opens: the member says here, on a page of ours,
// that they sent the objection form and when; only then is it logged.
import '../shared/messages.js'; // classic scripts, as the content scripts need: they set globalThis.untrain.messages
import '../shared/i18n.js'; // and globalThis.untrain.i18n
import { PLATFORMS } from '../shared/platforms.js';
import { formRule, report } from './model.js';

const { messages: { internal }, i18n } = globalThis.untrain;
const api = globalThis.browser ?? globalThis.chrome;
const query = new URLSearchParams(location.search);

for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = i18n.t(element.dataset.i18n);
document.documentElement.lang = i18n.language();

const platform = PLATFORMS[query.get('platform')];
const rules = platform ? await fetch(api.runtime.getURL(platform.rules)).then((response) => response.json()) : null;
const rule = formRule(rules, query);
const form = document.getElementById('confirm');
const date = document.getElementById('confirm-date');
const status = document.getElementById('confirm-status');
date.value = i18n.localDate();
date.max = i18n.localDate();
document.getElementById('confirm-question').textContent = rule ? i18n.t('confirmQuestion', i18n.ruleText(rule, 'title')) : i18n.t('confirmUnknown');
form.hidden = !rule;

document.getElementById('confirm-cancel').addEventListener('click', () => window.close());
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const marked = report(query, { sentOn: date.value, time: Date.now(), formUrl: rule?.url });
  const answer = marked ? await api.runtime.sendMessage({ type: internal.FORM, form: marked }).catch(() => null) : null;
  // Logged by the helper, or kept in this browser while the helper is not installed (said so).
  const done = ['ack', 'kept'].includes(answer?.result);
  status.dataset.state = done ? 'done' : 'error';
  status.textContent = !done ? i18n.t('confirmFailed')
    : `${i18n.t('confirmDone', i18n.date(marked.sent_on))}${answer.result === 'kept' ? ` ${i18n.t('popupKeptInBrowser')}` : ''}`;
  form.hidden = done;
});
document.body.dataset.ready = 'true';
