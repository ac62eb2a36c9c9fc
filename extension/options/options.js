// Wires the options page to storage.local: how long "Remind me later" lasts, when a check counts as stale, the banner.
import '../shared/i18n.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.i18n
import * as options from '../shared/options.js';

const { i18n } = globalThis.untrain;
const api = globalThis.browser ?? globalThis.chrome;
const storage = {
  get: async (key) => (await api.storage.local.get(key))[key],
  set: (key, value) => api.storage.local.set({ [key]: value }),
};
const form = document.getElementById('options');
const saved = document.getElementById('saved');

for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = i18n.t(element.dataset.i18n);
document.documentElement.lang = i18n.language();

function fill(chosen) {
  for (const radio of form.elements.snoozeDays) radio.checked = Number(radio.value) === chosen.snoozeDays;
  form.elements.staleAfterDays.value = String(chosen.staleAfterDays);
  form.elements.banner.checked = chosen.banner;
}

form.addEventListener('change', async () => {
  if (!form.elements.staleAfterDays.checkValidity()) return;
  const chosen = await options.save(storage, {
    snoozeDays: Number(form.elements.snoozeDays.value),
    staleAfterDays: Number(form.elements.staleAfterDays.value),
    banner: form.elements.banner.checked,
  });
  fill(chosen);
  saved.textContent = i18n.t('optionsSaved');
});

options.load(storage).then((chosen) => {
  fill(chosen);
  document.body.dataset.ready = 'true';
});
