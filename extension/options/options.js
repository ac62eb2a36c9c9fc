// Wires the options page to storage.local: how long "Remind me later" lasts, when a check counts as stale, the banner,
// and the optional "On again" notification, whose permission is asked for at the member's own click.
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
  form.elements.notifyOnAgain.checked = chosen.notifyOnAgain;
}

const NOTIFICATIONS = { permissions: ['notifications'] };

/**
 * The "On again" notification's permission follows the member's choice: asked for when they switch it on (the browser
 * allows the request only during their own gesture, so it is made before anything is awaited), given back when they
 * switch it off. Resolves to whether the option may stay on.
 */
function followNotifyChoice(event) {
  const box = form.elements.notifyOnAgain;
  if (event.target !== box) return Promise.resolve(box.checked);
  if (!event.isTrusted) return Promise.resolve(false);
  if (!box.checked) return api.permissions.remove({ permissions: ['notifications'] }).then(() => false, () => false);
  return api.permissions.request({ permissions: ['notifications'] }).catch(() => false);
}

form.addEventListener('change', async (event) => {
  const notify = followNotifyChoice(event);
  if (!form.elements.staleAfterDays.checkValidity()) return;
  const wanted = form.elements.notifyOnAgain.checked;
  const allowed = await notify;
  const chosen = await options.save(storage, {
    snoozeDays: Number(form.elements.snoozeDays.value),
    staleAfterDays: Number(form.elements.staleAfterDays.value),
    banner: form.elements.banner.checked,
    notifyOnAgain: wanted && allowed,
  });
  fill(chosen);
  const denied = event.target === form.elements.notifyOnAgain && wanted && !chosen.notifyOnAgain;
  saved.textContent = i18n.t(denied ? 'optionsNotifyDenied' : 'optionsSaved');
});

// The option holds only while the browser still grants the permission (the member may have taken it back there).
Promise.all([options.load(storage), api.permissions.contains(NOTIFICATIONS).catch(() => false)]).then(([chosen, granted]) => {
  fill({ ...chosen, notifyOnAgain: chosen.notifyOnAgain && granted });
  document.body.dataset.ready = 'true';
});
