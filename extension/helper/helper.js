// Wires the page that explains untrain's helper: what it adds, whether it answers now, and how to install it on the
// member's own system first (Linux and Windows have an installer; macOS from source).
import '../shared/messages.js'; // classic scripts, as the content scripts need: they set globalThis.untrain.messages
import '../shared/i18n.js'; // and globalThis.untrain.i18n
import { PLATFORMS } from '../shared/platforms.js';
import { systemOf } from '../welcome/system.js';

const { messages: { internal }, i18n } = globalThis.untrain;
const api = globalThis.browser ?? globalThis.chrome;

for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = i18n.t(element.dataset.i18n);
document.documentElement.lang = i18n.language();

// The member's own system first; the others stay below, for another machine.
const mine = systemOf(navigator.userAgentData?.platform ?? navigator.platform ?? '');
const section = document.querySelector(`section[data-os="${mine}"]`);
if (section) {
  section.classList.add('yours');
  section.parentElement.insertBefore(section, document.getElementById('os-linux'));
}

const [platform] = Object.keys(PLATFORMS);
const status = await api.runtime.sendMessage({ type: internal.STATUS, platform }).catch(() => null);
const state = document.getElementById('helper-state');
state.dataset.helper = status?.helper ?? 'unknown';
state.textContent = i18n.t(status?.helper === 'installed' ? 'helperPageInstalled' : 'helperPageMissing');
document.body.dataset.ready = 'true';
