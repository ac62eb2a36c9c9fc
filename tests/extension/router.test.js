'use strict';
// The background's router, its trust boundary with the page: which senders may ask what, and what they get back.
// Senders are as the browser describes them (runtime.MessageSender); the host is a stand-in that answers as untrain does.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const { createRouter, hostRequest } = load('background/router.js');
const { messages } = globalThis.untrain;
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));

const ID = 'cnfjdjaccjmkpgnehhaamchmmodophch';
const OURS = `chrome-extension://${ID}/`;
const DAY_MS = 24 * 60 * 60 * 1000;
const TIME = 1795903200000;
const SETTING_URL = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';

const contentScript = { id: ID, url: SETTING_URL, tab: { id: 7 }, frameId: 0 };
const popupPage = { id: ID, url: `${OURS}popup/popup.html` };

const observation = { platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: true, url: SETTING_URL, time: TIME, source: 'page-load' };
const nudge = { platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', action: 'snoozed', source: 'banner', verdict: 'on-by-default', time: TIME };
const form = { platform: 'linkedin', account: 'jane-doe', form: 'objection-form', sent_on: '2026-11-28', source: 'callout', time: TIME };
const fromContentScript = {
  observe: { type: 'observe', observation },
  status: { type: 'status', platform: 'linkedin', account: 'jane-doe' },
  nudge: { type: 'nudge', nudge },
  form: { type: 'form', form },
  rules: { type: 'rules' },
};
const exportMessages = [{ type: 'export', format: 'json' }, { type: 'export-chunk', export: 'a1b2c3', offset: 4096 }];

// A stand-in for the host port (host-port.js): records every request, answers each type as untrain does unless told
// otherwise; an answer that throws is a failed request.
function fakeHost(answers = {}) {
  const asked = [];
  const usual = {
    observe: () => ({ seq: 1, recorded: TIME + 5 }),
    status: () => ({ now: TIME, settings: [{ setting: 'ai-training', verdict: 'on-by-default', value: true, account: 'jane-doe' }], forms: [] }),
    nudge: () => ({ seq: 2 }),
    form: () => ({ seq: 3 }),
    export: () => ({ export: 'a1b2c3', chunk: '{"events":[', next: 11, done: false }),
    'export-chunk': () => ({ export: 'a1b2c3', chunk: ']}', next: 13, done: true }),
  };
  return {
    asked,
    async request(message) {
      asked.push(message);
      return ({ ...usual, ...answers })[message.type](message);
    },
  };
}

function setUp({ host = fakeHost(), stored = {} } = {}) {
  const map = new Map(Object.entries(stored));
  const storage = { get: async (key) => map.get(key), set: async (key, value) => { map.set(key, value); } };
  const readRules = async (file) => new Response(fs.readFileSync(path.join(EXTENSION, file)));
  const warnings = [];
  const opened = [];
  const notified = [];
  const openPage = async (page) => { opened.push(page); };
  const notifyTab = async (tab, message) => { notified.push([tab, message]); };
  const router = createRouter({ extension: { id: ID, url: OURS }, host, storage, readRules, openPage, notifyTab,
    warn: (...args) => warnings.push(args) });
  // Resolves with {answer} when the router answers, or {refused: true} when it will not (it never answers those).
  const send = (message, sender) => new Promise((resolve) => {
    const open = router.onMessage(message, sender, (answer) => resolve({ answer }));
    if (!open) resolve({ refused: true });
  });
  return { router, host, send, warnings, opened, notified };
}

test('a content script on LinkedIn may send observe, status, nudge and rules, and each is answered', async () => {
  const { host, send } = setUp();
  assert.deepEqual(await send(fromContentScript.observe, contentScript), { answer: { result: 'ack', seq: 1, recorded: TIME + 5 } });
  const { answer: status } = await send(fromContentScript.status, contentScript);
  assert.equal(status.state, 'on');
  assert.equal(status.verdict, 'on-by-default');
  assert.equal(status.setting, 'ai-training');
  assert.deepEqual(await send(fromContentScript.nudge, contentScript), { answer: { result: 'ack', seq: 2 } });
  assert.deepEqual(await send(fromContentScript.rules, contentScript), { answer: linkedin });
  assert.deepEqual(host.asked.map((m) => m.type), ['observe', 'status', 'nudge']);
  assert.deepEqual(host.asked[0], { type: 'observe', ...observation });
});

test('the objection form is marked sent only from the extension\'s own pages, never from LinkedIn\'s', async () => {
  const { host, send } = setUp();
  const { answer } = await send(fromContentScript.form, contentScript);
  assert.equal(answer.error, 'internal');
  assert.match(answer.message, /only on the extension's own pages/);
  assert.deepEqual(host.asked, [], 'nothing a page can script marks a form');
  assert.deepEqual(await send(fromContentScript.form, popupPage), { answer: { result: 'ack', seq: 3 } });
  assert.deepEqual(host.asked, [{ type: 'form', ...form }]);
});

test('"I\'ve sent it" on LinkedIn\'s page opens our confirmation page, naming the page it came from as the browser does', async () => {
  const { host, send, opened } = setUp();
  const message = { type: 'confirm-form', platform: 'linkedin', account: 'jane-doe', form: 'objection-form' };
  assert.deepEqual(await send(message, contentScript), { answer: { result: 'opened' } });
  assert.equal(opened.length, 1);
  const url = new URL(opened[0], OURS);
  assert.equal(url.pathname, '/confirm/confirm.html');
  assert.deepEqual(Object.fromEntries(url.searchParams),
    { platform: 'linkedin', form: 'objection-form', account: 'jane-doe', from: SETTING_URL });
  assert.deepEqual(host.asked, [], 'opening the page logs nothing');
  await send({ ...message, account: null }, contentScript);
  assert.equal(new URL(opened[1], OURS).searchParams.has('account'), false);
  for (const bad of [{ ...message, form: '../popup' }, { ...message, account: 'a b' }, { ...message, extra: 1 }]) {
    assert.deepEqual(await send(bad, contentScript), { refused: true }, JSON.stringify(bad));
  }
  assert.equal(opened.length, 2);
});

test('once the member confirmed on our page, the LinkedIn tab that asked is told to show the new status', async () => {
  const { send, notified } = setUp();
  await send({ type: 'confirm-form', platform: 'linkedin', account: 'jane-doe', form: 'objection-form' }, contentScript);
  assert.deepEqual(notified, []);
  await send(fromContentScript.form, { ...popupPage, url: `${OURS}confirm/confirm.html?form=objection-form` });
  assert.deepEqual(notified, [[7, { type: 'status-changed' }]]);
  await send(fromContentScript.form, popupPage);
  assert.equal(notified.length, 1, 'told once');
});

// Today's hole: a nudge carrying `type: "export"` was spread after the request's type, and the host exported the trail.
test('a report smuggling a request type or any key of its own is refused; the host is never asked', async () => {
  const { host, send } = setUp();
  const smuggled = [
    { type: 'nudge', nudge: { ...nudge, type: 'export', format: 'json' } },
    { type: 'observe', observation: { ...observation, type: 'export' } },
    { type: 'form', form: { ...form, type: 'export', format: 'json' } },
    { type: 'nudge', nudge: { ...nudge, id: 99 } },
    { type: 'nudge', nudge, format: 'json' },
    { type: 'status', platform: 'linkedin', account: null, stale_after_days: 1 },
  ];
  for (const message of smuggled) {
    assert.deepEqual(await send(message, contentScript), { refused: true }, JSON.stringify(message));
    assert.deepEqual(await send(message, popupPage), { refused: true }, JSON.stringify(message));
  }
  assert.deepEqual(host.asked, []);
});

test('every host request is built from the report\'s own fields, with its type set last', () => {
  const request = hostRequest('nudge', { ...nudge, type: 'export', format: 'json', id: 5 }, messages.fields.nudge, { until: 1 });
  assert.deepEqual(request, { ...nudge, until: 1, type: 'nudge' });
  assert.deepEqual(Object.keys(request).at(-1), 'type');
  assert.deepEqual(hostRequest('form', { ...form, url: undefined }, messages.fields.form), { ...form, type: 'form' });
});

test('an outbox item that is not an observation when read back is dropped and never sent; the items behind it are', async () => {
  const tampered = [
    { id: 'x1', observation: { ...observation, type: 'export', format: 'json' } },
    { id: 'x2', observation: { ...observation, account: 'a b' } },
    { id: 'x3', observation: null },
    'not an item',
    { id: 'ok', observation },
  ];
  const { router, host } = setUp({ stored: { outbox: tampered } });
  const { acked, refused } = await router.queue.flush();
  assert.deepEqual(acked, ['ok']);
  assert.deepEqual(refused.map((r) => r.error.code), ['invalid', 'invalid', 'invalid', 'invalid']);
  assert.deepEqual(host.asked, [{ type: 'observe', ...observation }]);
  assert.deepEqual(await router.queue.pending(), []);
});

test('an outbox that is not a list holds nothing to send, and does not stop the next observation', async () => {
  const { router, host, send } = setUp({ stored: { outbox: { type: 'export' } } });
  assert.deepEqual((await router.queue.flush()).acked, []);
  assert.deepEqual(await send(fromContentScript.observe, contentScript), { answer: { result: 'ack', seq: 1, recorded: TIME + 5 } });
  assert.deepEqual(host.asked, [{ type: 'observe', ...observation }]);
});

test('a content script may never export the audit trail nor fetch a chunk of one: it is told so, and the host is never asked', async () => {
  const { host, send } = setUp();
  for (const message of exportMessages) {
    const { answer } = await send(message, contentScript);
    assert.equal(answer.error, 'internal');
    assert.match(answer.message, /only for the extension's own pages/);
  }
  assert.deepEqual(host.asked, []);
});

test('the extension\'s own pages may export: each request goes to the host as it is, and its reply comes back', async () => {
  const { host, send } = setUp();
  assert.deepEqual(await send(exportMessages[0], popupPage), { answer: { export: 'a1b2c3', chunk: '{"events":[', next: 11, done: false } });
  assert.deepEqual(await send(exportMessages[1], popupPage), { answer: { export: 'a1b2c3', chunk: ']}', next: 13, done: true } });
  assert.deepEqual(host.asked, [{ type: 'export', format: 'json', kinds: ['observation', 'form', 'export'] }, { type: 'export-chunk', export: 'a1b2c3', offset: 4096 }]);
});

test('the popup\'s export leaves the reminders out unless the member asks for the complete trail', async () => {
  const { host, send } = setUp();
  await send({ type: 'export', format: 'html' }, popupPage);
  await send({ type: 'export', format: 'html', complete: true }, popupPage);
  assert.deepEqual(host.asked.map((r) => r.kinds), [['observation', 'form', 'export'], undefined]);
  assert.equal((await send({ type: 'export', format: 'html', complete: 'yes' }, popupPage)).answer, undefined);
});

test('the popup\'s export asks the host for its report in the language it names, and in English when it names none', async () => {
  const { host, send } = setUp();
  await send({ type: 'export', format: 'html', lang: 'es' }, popupPage);
  await send({ type: 'export', format: 'html' }, popupPage);
  assert.deepEqual(host.asked.map(({ type, format, lang }) => ({ type, format, ...(lang ? { lang } : {}) })), [{ type: 'export', format: 'html', lang: 'es' }, { type: 'export', format: 'html' }]);
  for (const lang of ['xx', 'es-ES', null]) {
    assert.deepEqual(await send({ type: 'export', format: 'html', lang }, popupPage), { refused: true }, String(lang));
  }
  assert.equal(host.asked.length, 2, 'a language the host has not is never asked for');
});

test('another extension is refused, even from LinkedIn or from a page of ours: no answer, and the host is never asked', async () => {
  const { host, send } = setUp();
  const other = 'abcdefghijklmnopabcdefghijklmnop';
  for (const sender of [{ ...contentScript, id: other }, { ...popupPage, id: other }, { url: SETTING_URL }]) {
    for (const message of [...Object.values(fromContentScript), ...exportMessages]) {
      assert.deepEqual(await send(message, sender), { refused: true }, `${message.type} from ${JSON.stringify(sender)}`);
    }
  }
  assert.deepEqual(host.asked, []);
});

test('a page that is not ours is refused, even one whose address begins like LinkedIn\'s', async () => {
  const { host, send } = setUp();
  const pages = ['https://evil.example/', 'https://www.linkedin.com.evil.example/feed/', 'http://www.linkedin.com/feed/',
    `chrome-extension://${'b'.repeat(32)}/popup/popup.html`, undefined];
  for (const url of pages) {
    for (const message of Object.values(fromContentScript)) {
      assert.deepEqual(await send(message, { ...contentScript, url }), { refused: true }, `${message.type} from ${url}`);
    }
  }
  assert.deepEqual(host.asked, []);
});

test('a message that is not in the exact shape the content script sends is refused', async () => {
  const { host, send } = setUp();
  const malformed = [
    null, 'status', 42, {},
    { type: 'observe', observation: { ...observation, value: 'yes' } },
    { type: 'observe', observation: { ...observation, url: 'http://www.linkedin.com/' } },
    { type: 'status', platform: 'LinkedIn!' },
    { type: 'nudge', nudge: { ...nudge, action: 'deleted' } },
    { type: 'form', form: { ...form, sent_on: 'yesterday' } },
    { type: 'export', format: 'pdf' },
    { type: 'export-chunk', export: '../../etc/passwd', offset: 0 },
  ];
  for (const message of malformed) {
    assert.deepEqual(await send(message, contentScript), { refused: true }, JSON.stringify(message));
    assert.deepEqual(await send(message, popupPage), { refused: true }, JSON.stringify(message));
  }
  assert.deepEqual(host.asked, []);
});

test('a message about a platform untrain does not know is refused', async () => {
  const { host, send } = setUp();
  for (const message of [{ type: 'status', platform: 'facebook', account: null }, { type: 'rules', platform: 'facebook' },
    { type: 'observe', observation: { ...observation, platform: 'facebook' } }, { type: 'nudge', nudge: { ...nudge, platform: 'facebook' } },
    { type: 'form', form: { ...form, platform: 'facebook' } }]) {
    assert.deepEqual(await send(message, contentScript), { refused: true }, JSON.stringify(message));
  }
  assert.deepEqual(host.asked, []);
});

test('a message of a type the background does not handle is refused, host requests included', async () => {
  const { host, send } = setUp();
  for (const type of ['hello', 'delete', 'constructor', '__proto__']) {
    assert.deepEqual(await send({ type }, contentScript), { refused: true }, type);
    assert.deepEqual(await send({ type }, popupPage), { refused: true }, type);
  }
  assert.deepEqual(host.asked, []);
});

test('a failure is answered as {error, message}: the host\'s code, or "internal"', async () => {
  const { send, warnings } = setUp({
    host: fakeHost({
      nudge: () => { throw Object.assign(new Error('the database is locked'), { code: 'storage_unavailable' }); },
      form: () => { throw new TypeError('something broke'); },
    }),
  });
  assert.deepEqual(await send(fromContentScript.nudge, contentScript), { answer: { error: 'storage_unavailable', message: 'the database is locked' } });
  assert.deepEqual(await send(fromContentScript.form, popupPage), { answer: { error: 'internal', message: 'something broke' } });
  assert.equal(warnings.length, 2, 'each failure is logged');
});

test('a snooze lasts as long as the member chose on the options page, a day unless they chose otherwise', async () => {
  const once = setUp();
  await once.send(fromContentScript.nudge, contentScript);
  assert.equal(once.host.asked[0].until, TIME + DAY_MS);
  const weekly = setUp({ stored: { options: { snoozeDays: 7 } } });
  await weekly.send(fromContentScript.nudge, contentScript);
  assert.equal(weekly.host.asked[0].until, TIME + 7 * DAY_MS);
  await weekly.send({ type: 'nudge', nudge: { ...nudge, action: 'shown' } }, contentScript);
  assert.equal(weekly.host.asked[1].until, undefined, 'only a snooze has an end');
});

test('status asks the host with the member\'s stale threshold and tells the banner the member\'s choices', async () => {
  const { host, send } = setUp({ stored: { options: { snoozeDays: 7, staleAfterDays: 45, banner: true } } });
  const { answer } = await send(fromContentScript.status, contentScript);
  assert.deepEqual(host.asked, [{ type: 'status', platform: 'linkedin', account: 'jane-doe', stale_after_days: 45 }]);
  assert.equal(answer.staleAfterDays, 45);
  assert.equal(answer.snoozeDays, 7);
  assert.equal(answer.now, TIME);
});

test('without the helper, status says so beside the state this browser kept, never in its place', async () => {
  const noHost = () => { throw Object.assign(new Error('Specified native messaging host not found.'), { code: 'no-host' }); };
  const { send } = setUp({ host: fakeHost({ status: noHost, observe: noHost, nudge: noHost, form: noHost }) });
  const before = (await send(fromContentScript.status, contentScript)).answer;
  assert.equal(before.helper, 'missing');
  assert.equal(before.helperNotice, true);
  assert.equal(before.state, 'unknown', 'never checked: unknown, never off');
  assert.equal(before.settings.length, linkedin.settings.length);

  assert.deepEqual((await send(fromContentScript.observe, contentScript)).answer, { result: 'queued', error: 'no-host' });
  const after = (await send(fromContentScript.status, contentScript)).answer;
  assert.equal(after.state, 'on');
  assert.equal(after.verdict, 'on-by-default');
  assert.equal(after.settings[0].last_checked, TIME);

  // A snooze is kept in this browser, and the popup can undo it.
  assert.deepEqual((await send({ type: 'nudge', nudge: { ...nudge, time: Date.now() } }, contentScript)).answer, { result: 'kept' });
  assert.equal((await send(fromContentScript.status, contentScript)).answer.held, 'snoozed');
  assert.deepEqual((await send({ type: 'undo', platform: 'linkedin', setting: 'ai-training' }, popupPage)).answer, { result: 'kept' },
    'lifted in this browser only, and the popup is told so');
  assert.equal((await send(fromContentScript.status, contentScript)).answer.state, 'on');
  assert.deepEqual(await send({ type: 'undo', platform: 'linkedin', setting: 'ai-training' }, contentScript),
    { answer: { error: 'internal', message: 'only the extension\'s own pages undo a snooze or dismissal' } });

  // The form's date too, shown as kept in this browser.
  assert.equal((await send({ type: 'form', form }, popupPage)).answer.result, 'kept');
  assert.equal((await send(fromContentScript.status, contentScript)).answer.forms[0].sent_on, '2026-11-28');

  // Dismissing the helper's line keeps it out of the banner.
  assert.deepEqual((await send({ type: 'helper', action: 'dismiss' }, contentScript)).answer, { result: 'ack' });
  assert.equal((await send(fromContentScript.status, contentScript)).answer.helperNotice, false);
});

test('the popup\'s Undo is recorded by the helper as an undone nudge, with the account and verdict the popup showed', async () => {
  const held = { now: TIME, forms: [], settings: [{ setting: 'ai-training', verdict: 'on-by-default', value: true, account: 'jane-doe',
    nudge: { snoozed_until: TIME + DAY_MS, dismissed: true } }] };
  const { host, send } = setUp({ host: fakeHost({ status: () => held }) });
  const { answer } = await send({ type: 'undo', platform: 'linkedin', setting: 'ai-training' }, popupPage);
  assert.deepEqual(answer, { result: 'ack', seq: 2 });
  const asked = host.asked.filter((m) => m.type === 'nudge');
  assert.equal(asked.length, 1);
  const { time, ...rest } = asked[0];
  assert.deepEqual(rest, { type: 'nudge', platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', action: 'undone',
    source: 'popup', verdict: 'on-by-default' });
  assert.ok(Number.isSafeInteger(time) && time > 0);
});

test('an undo the helper did not take is an error for the popup, not a silent success', async () => {
  const down = () => { throw Object.assign(new Error('the host stopped'), { code: 'host-exited' }); };
  const { send } = setUp({ host: fakeHost({ nudge: down }) });
  const { answer } = await send({ type: 'undo', platform: 'linkedin', setting: 'ai-training' }, popupPage);
  assert.equal(answer.error, 'host-exited');
});

test('the helper line\'s "How to install" opens the extension\'s explainer page', async () => {
  const { send, opened } = setUp();
  assert.deepEqual((await send({ type: 'helper', action: 'open' }, contentScript)).answer, { result: 'ack' });
  assert.deepEqual(opened, ['helper/helper.html']);
  assert.deepEqual(await send({ type: 'helper', action: 'install' }, contentScript), { refused: true });
});

test('an observation the host cannot take now is kept, and goes to the host once it is back', async () => {
  let down = true;
  const { router, host, send } = setUp({
    host: fakeHost({ observe: () => {
      if (down) throw Object.assign(new Error('the host stopped'), { code: 'host-exited' });
      return { seq: 1, recorded: TIME + 5 };
    } }),
  });
  assert.deepEqual(await send(fromContentScript.observe, contentScript), { answer: { result: 'queued', error: 'host-exited' } });
  down = false;
  const { acked } = await router.queue.flush();
  assert.equal(acked.length, 1);
  assert.deepEqual(host.asked.at(-1), { type: 'observe', ...observation });
});

// "I checked it myself: it is Off": the member's answer when untrain could not read the page.
const memberReport = { ...observation, value: false, source: 'member-reported' };

test('a member\'s report from the content script goes to the host as it is, like any observation', async () => {
  const { host, send } = setUp();
  assert.deepEqual(await send({ type: 'observe', observation: memberReport }, contentScript),
    { answer: { result: 'ack', seq: 1, recorded: TIME + 5 } });
  assert.deepEqual(host.asked, [{ type: 'observe', ...memberReport }]);
});

test('a member\'s report the host cannot take now waits in the outbox, and goes to the host once it is back', async () => {
  let down = true;
  const { router, host, send } = setUp({
    host: fakeHost({ observe: () => {
      if (down) throw Object.assign(new Error('the host stopped'), { code: 'host-exited' });
      return { seq: 1, recorded: TIME + 5 };
    } }),
  });
  assert.deepEqual(await send({ type: 'observe', observation: memberReport }, contentScript), { answer: { result: 'queued', error: 'host-exited' } });
  down = false;
  assert.equal((await router.queue.flush()).acked.length, 1);
  assert.deepEqual(host.asked.at(-1), { type: 'observe', ...memberReport });
});

test('a member\'s report refused by an older host that does not know the source is answered as refused', async () => {
  const refuse = () => { throw Object.assign(new Error('field \'source\' must be "page-load", "user-change" or "assisted"'), { code: 'bad_request' }); };
  const { send } = setUp({ host: fakeHost({ observe: refuse }) });
  assert.deepEqual(await send({ type: 'observe', observation: memberReport }, contentScript), { answer: { result: 'refused', error: 'bad_request' } });
});

test('status passes on whose word each value is and the rules version that read it', async () => {
  const settings = [{ setting: 'ai-training', verdict: 'off-reported', value: false, account: 'jane-doe', source: 'member-reported', verified: false,
    rules_version: '2026-11-28', last_verified: { value: true, time: TIME - DAY_MS, rules_version: '2026-11-28' } }];
  const { send } = setUp({ host: fakeHost({ status: () => ({ now: TIME, settings, forms: [] }) }) });
  const { answer } = await send(fromContentScript.status, contentScript);
  assert.deepEqual(answer.settings, settings.map((entry) => ({ ...entry, on_again: null, off_since: null })));
  assert.equal(answer.state, 'off', 'the member said it is off: no banner');
  assert.equal(answer.verdict, 'off-reported', 'and the verdict still says it is their word');
});
