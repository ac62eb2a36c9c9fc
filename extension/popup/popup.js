// Wires the popup: asks the background for the status of every setting and draws the list and the forms, and
// offers the audit-trail export (extension/popup/export.js).
import '../shared/messages.js'; // classic scripts, as the content scripts need: they set globalThis.untrain.messages
import '../shared/i18n.js'; // and globalThis.untrain.i18n
import { PLATFORMS } from '../shared/platforms.js';
import * as popupExport from './export.js';
import * as settingsList from './settings-list.js';

const { messages: { internal, nudgeSources, reportLanguage }, i18n } = globalThis.untrain;
const api = globalThis.browser ?? globalThis.chrome;
const ask = (message) => api.runtime.sendMessage(message).catch(() => null);
const formatDate = i18n.date;
const helpers = { t: i18n.t, ruleText: i18n.ruleText, formatDate };

for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = i18n.t(element.dataset.i18n);
document.documentElement.lang = i18n.language();
document.getElementById('open-options').addEventListener('click', () => api.runtime.openOptionsPage());

// untrain knows one platform today: the popup lists its settings.
const [{ rules: rulesFile }] = Object.values(PLATFORMS);
const rulesLoaded = fetch(api.runtime.getURL(rulesFile)).then((response) => response.json());

async function draw() {
  const rules = await rulesLoaded;
  const status = await ask({ type: internal.STATUS, platform: rules.platform, account: null });
  const message = document.getElementById('popup-message');
  const problem = !status || status.error ? 'popupNoAnswer' : null;
  message.hidden = !problem;
  message.textContent = problem ? i18n.t(problem) : '';
  const head = settingsList.headline(rules, status, helpers);
  const headline = document.getElementById('headline');
  headline.textContent = head.text;
  headline.dataset.kind = head.kind;
  // The helper's absence is a line of its own, under the state, never in its place.
  document.getElementById('helper-line').hidden = status?.helper !== 'missing';
  const grouped = settingsList.groups(settingsList.rows(rules, status, helpers), { t: i18n.t });
  const open = new Set([...document.querySelectorAll('details.group[open]')].map((d) => d.dataset.group));
  settingsList.render(document, document.getElementById('settings-list'), grouped, {
    t: i18n.t,
    // The helper records the undo; without it the hold is lifted in this browser only, and the popup says so.
    onUndo: async (setting) => {
      const answer = await ask({ type: internal.UNDO, platform: rules.platform, setting });
      const said = document.getElementById('undo-status');
      const outcome = { ack: null, kept: 'popupUndoKept' }[answer?.result];
      said.textContent = outcome === undefined ? i18n.t('popupUndoFailed') : outcome ? i18n.t(outcome) : '';
      said.dataset.result = answer?.result ?? 'error';
      draw();
    },
  });
  // A redraw keeps the groups the member unfolded.
  for (const details of document.querySelectorAll('details.group')) if (open.has(details.dataset.group)) details.open = true;
  const account = status?.settings?.find((s) => s.account)?.account ?? null;
  settingsList.renderForms(document, document.getElementById('forms-list'), settingsList.forms(rules, status, helpers), {
    t: i18n.t,
    today: i18n.localDate(),
    onMark: async (form, date) => {
      await ask({ type: internal.FORM, form: { platform: rules.platform, account, form, sent_on: date, source: nudgeSources.POPUP, time: Date.now() } });
      draw();
    },
  });
  document.body.dataset.ready = 'true';
}

document.getElementById('check-all').addEventListener('click', async (event) => {
  if (!event.isTrusted) return;
  const rules = await rulesLoaded;
  const answer = await ask({ type: internal.CHECK_ALL, platform: rules.platform });
  document.getElementById('check-all-status').textContent = answer?.result === 'opened'
    ? i18n.t('popupCheckAllOpened', answer.pages) : i18n.t('popupCheckAllNone');
});

function wireExport() {
  const section = document.getElementById('export');
  const status = document.getElementById('export-status');
  const buttons = [...section.querySelectorAll('button[data-format]')];
  const exportAsk = (message) => api.runtime.sendMessage(message);
  for (const button of buttons) {
    button.addEventListener('click', async () => {
      buttons.forEach((b) => { b.disabled = true; });
      status.dataset.state = 'working';
      status.textContent = popupExport.describeWork(button.dataset.format, { t: i18n.t });
      try {
        const lang = reportLanguage(i18n.language()); // the report in the browser's language, when the host has it
        const completeTrail = document.getElementById('export-complete').checked;
        const result = await popupExport.request({ ask: exportAsk, format: button.dataset.format, lang, completeTrail });
        popupExport.save(document, result);
        status.dataset.state = 'done';
        status.textContent = popupExport.describe(result, { t: i18n.t });
      } catch (error) {
        status.dataset.state = 'error';
        status.textContent = popupExport.describeFailure(error, { t: i18n.t });
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
  }
}

wireExport();
draw();
