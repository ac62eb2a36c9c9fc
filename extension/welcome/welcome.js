// Wires the page untrain opens once, on install: what it does and does not do, the button that opens LinkedIn's
// AI-training setting, and how to pin untrain's button to the toolbar in this browser.
import '../shared/i18n.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.i18n
import { PLATFORMS } from '../shared/platforms.js';

const { i18n } = globalThis.untrain;
const api = globalThis.browser ?? globalThis.chrome;

for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = i18n.t(element.dataset.i18n);
document.documentElement.lang = i18n.language();

// The setting the product exists for: the rules' first bannered setting, on its own page.
const [{ rules: file }] = Object.values(PLATFORMS);
const rules = await fetch(api.runtime.getURL(file)).then((response) => response.json());
const setting = rules.settings.find((s) => s.banner) ?? rules.settings[0];
document.getElementById('check-now').href = rules.origin + setting.page;

// Firefox pins an extension from its puzzle-piece menu differently from Chromium's.
const firefox = typeof globalThis.browser !== 'undefined' && navigator.userAgent.includes('Firefox');
document.getElementById('pin-text').textContent = i18n.t(firefox ? 'welcomePinFirefox' : 'welcomePinChromium');
document.body.dataset.ready = 'true';
