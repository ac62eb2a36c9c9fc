// The background: the only part of the extension that talks to the native host; router.js answers the content
// scripts' and the popup's messages. An ES module in both browsers (the manifest's "type": "module"): Chromium's
// service worker, and Firefox's background script, as Firefox runs no extension service worker
// (https://bugzilla.mozilla.org/show_bug.cgi?id=1573659); its imports are the one load order.
import '../shared/messages.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.messages
import '../shared/i18n.js'; // and globalThis.untrain.i18n, for the toolbar's tooltip
import { PLATFORMS } from '../shared/platforms.js';
import * as options from '../shared/options.js';
import { badge } from './badge.js';
import { createHostPort } from './host-port.js';
import { createAnnouncer } from './on-again.js';
import { createRouter } from './router.js';
import { keyed, restrictToExtension } from './storage.js';

const { messages, i18n } = globalThis.untrain;
const api = globalThis.browser ?? globalThis.chrome;

restrictToExtension(api.storage.local);
const storage = keyed(api.storage.local);

let router = null;
const host = createHostPort({
  connect: () => api.runtime.connectNative(messages.HOST_NAME),
  lastError: () => api.runtime.lastError,
  onReady: (hello) => {
    if (hello?.protocol !== messages.PROTOCOL) console.warn('untrain: host speaks protocol', hello?.protocol, 'expected', messages.PROTOCOL);
    // Whatever waited for the host goes out as soon as it is back.
    router.queue.flush();
  },
});
router = createRouter({
  extension: { id: api.runtime.id, url: api.runtime.getURL('') },
  host,
  storage,
  readRules: (path) => fetch(api.runtime.getURL(path)),
  // Opening a page of our own needs no permission (tabs.create asks for none).
  openPage: (path) => api.tabs.create({ url: api.runtime.getURL(path) }),
  // A tab closed or navigated away meanwhile has nobody to tell.
  notifyTab: (tabId, message) => api.tabs.sendMessage(tabId, message).catch(() => {}),
  onStatus: (status) => {
    drawBadge(status);
    announceOnAgain(status);
  },
  // "Check all": a LinkedIn page in a new tab, then the next one in the same tab (neither needs the tabs permission).
  openTab: (url) => api.tabs.create({ url }),
  moveTab: (tabId, url) => api.tabs.update(tabId, { url }).catch(() => {}),
});

// The toolbar button says the worst state in a mark and in words (badge.js); drawing it needs no permission.
async function drawBadge(status) {
  const [platform] = Object.values(PLATFORMS);
  const rules = await fetch(api.runtime.getURL(platform.rules)).then((response) => response.json());
  const look = badge(status, rules, { t: i18n.t, ruleText: i18n.ruleText });
  await api.action.setBadgeBackgroundColor({ color: look.color });
  await api.action.setBadgeTextColor?.({ color: '#ffffff' });
  await api.action.setBadgeText({ text: look.text });
  await api.action.setTitle({ title: look.title });
}

// "On again" as a browser notification, when the member chose it (options page) and the browser granted the optional
// `notifications` permission; without it, api.notifications is absent or refused, and nothing is shown.
const NOTIFICATIONS = { permissions: ['notifications'] };
const granted = () => api.permissions.contains(NOTIFICATIONS).catch(() => false);
const announcer = createAnnouncer({
  storage,
  loadOptions: () => options.load(storage),
  notifier: async () => ((await granted()) && api.notifications ? api.notifications : null),
  iconUrl: api.runtime.getURL('icons/icon-128.png'),
  t: i18n.t,
  ruleText: i18n.ruleText,
  formatDate: i18n.date,
});
const rulesOf = (platform) => fetch(api.runtime.getURL(platform.rules)).then((response) => response.json());
async function announceOnAgain(status) {
  const [platform] = Object.values(PLATFORMS);
  const rules = await rulesOf(platform);
  await announcer(status, rules).catch(() => []);
}

// A click on the notification ("on-again:<platform>:<setting>") opens the setting's page (tabs.create needs no
// permission). The listener can only be added once the browser grants the permission, which may happen while the
// background runs.
let listening = false;
function listenToNotifications() {
  if (listening || !api.notifications?.onClicked) return;
  listening = true;
  api.notifications.onClicked.addListener(async (id) => {
    api.notifications.clear(id);
    const [kind, platform, setting] = id.split(':');
    if (kind !== 'on-again' || !Object.hasOwn(PLATFORMS, platform)) return;
    const rules = await rulesOf(PLATFORMS[platform]);
    const rule = rules.settings.find((s) => s.id === setting);
    if (rule) api.tabs.create({ url: rules.origin + rule.page });
  });
}
listenToNotifications();
api.permissions.onAdded?.addListener(listenToNotifications);

api.runtime.onMessage.addListener(router.onMessage);

// First run: our welcome page, once, on a new install (not on an update or a browser update).
api.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') api.tabs.create({ url: api.runtime.getURL('welcome/welcome.html') });
});

// The badge from the last known state as soon as the background starts (the browser keeps no badge across restarts).
for (const platform of Object.keys(PLATFORMS)) {
  router.status(platform, null).then((status) => {
    drawBadge(status);
    announceOnAgain(status);
  }, (error) => console.warn('untrain: no status for the toolbar:', error));
}
