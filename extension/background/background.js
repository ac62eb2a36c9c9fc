// The background: the only part of the extension that talks to the native host; router.js answers the content
// scripts' and the popup's messages. An ES module in both browsers (the manifest's "type": "module"): Chromium's
// service worker, and Firefox's background script, as Firefox runs no extension service worker
// (https://bugzilla.mozilla.org/show_bug.cgi?id=1573659); its imports are the one load order.
import '../shared/messages.js'; // a classic script, as the content scripts need: it sets globalThis.untrain.messages
import { createHostPort } from './host-port.js';
import { createRouter } from './router.js';
import { keyed, restrictToExtension } from './storage.js';

const { messages } = globalThis.untrain;
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
});

api.runtime.onMessage.addListener(router.onMessage);
