'use strict';
// A visit to a setting's page: what is reported, when nothing is, and the assisted switch-off.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { fakeDocument } = require('./fake-dom');

const { visit, fallback } = load('content/visit.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const ai = linkedin.settings.find((s) => s.id === 'ai-training');
const PAGE_URL = `https://www.linkedin.com${ai.page}`;
const FAST = { pollMs: 5, holdMs: 40, giveUpMs: 200 };
// Fake pages change only when a test changes them: a visit still waiting sees no mutation to react to.
globalThis.MutationObserver ??= class { observe() {} disconnect() {} };

function settingsPage({ checked = true, signedIn = true } = {}) {
  const doc = fakeDocument((h) => [
    signedIn ? h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')) : h('header', {}, 'Sign in'),
    h('main', {}, '',
      h('span', { id: 'lbl' }, 'Use my data for training content creation AI models'),
      h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'lbl', ...(checked ? { checked: '' } : {}) })),
  ]);
  return Object.assign(doc, { cookie: '', baseURI: PAGE_URL });
}

const at = (href) => ({ location: new URL(href) });
const toggle = (doc) => doc.querySelector('input');
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function run(doc, { win = at(PAGE_URL), answer = (o) => ({ result: 'ack', recorded: 1000 + o.time % 1000 }), onChange, setting = ai, ...options } = {}) {
  const reports = [];
  const changes = [];
  const current = visit.start({
    doc, win, rules: linkedin, setting, assist: FAST, ...options,
    report: async (o) => { reports.push(o); return answer(o); },
    onChange: onChange ?? ((c) => changes.push(c.phase === 'found' ? c.value : c.phase)),
  });
  return { current, reports, changes };
}

test('a toggle found on its page is reported once as page-load, for the signed-in member', async () => {
  const { current, reports, changes } = run(settingsPage());
  await wait(5);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].source, 'page-load');
  assert.equal(reports[0].value, true);
  assert.equal(reports[0].account, 'jane-doe');
  assert.equal(reports[0].url, PAGE_URL);
  assert.deepEqual(changes, [true]);
  assert.equal(current.phase, 'found');
  current.stop();
});

test('a reading records the setting\'s page as the rules name it, never the tracking query the member arrived with', async () => {
  const { current, reports } = run(settingsPage(), { win: at(`${PAGE_URL}/?trk=nav_settings&lipi=urn%3Ali%3Apage%3Ad_flagship3_feed#main`) });
  await wait(5);
  assert.equal(reports.length, 1);
  assert.equal(reports[0].url, PAGE_URL);
  current.stop();
});

test('on a signed-out page nothing is reported, even with a switch in view', async () => {
  const { current, reports, changes } = run(settingsPage({ signedIn: false }));
  await wait(5);
  assert.deepEqual(reports, []);
  assert.deepEqual(changes, ['signed-out']);
  current.stop();
});

test('once the URL is another page, a toggle still in the DOM is not reported for this setting', async () => {
  const { current, reports } = run(settingsPage(), { win: at('https://www.linkedin.com/mypreferences/d/settings/ads-by-age') });
  await wait(5);
  assert.deepEqual(reports, []);
  current.stop();
});

test('switch off clicks LinkedIn\'s toggle exactly once and reports the re-read Off as assisted', async () => {
  const doc = settingsPage();
  const { current, reports } = run(doc);
  await wait(5);
  const result = await current.switchOff();
  assert.equal(toggle(doc).clicks, 1);
  assert.equal(toggle(doc).checked, false);
  assert.equal(result.outcome, 'switched-off');
  assert.equal(result.value, false);
  assert.equal(typeof result.recorded, 'number');
  assert.deepEqual(reports.map((r) => [r.source, r.value]), [['page-load', true], ['assisted', false]]);
  await wait(60);
  assert.equal(reports.length, 2, 'our own click is not reported a second time as the member\'s change');
  current.stop();
});

test('when LinkedIn puts the toggle back, the outcome is not-accepted and the On it shows is logged', async () => {
  const doc = settingsPage();
  toggle(doc).afterClick = (element) => setTimeout(() => { element.checked = true; }, 15);
  const { current, reports } = run(doc);
  await wait(5);
  const result = await current.switchOff();
  assert.equal(result.outcome, 'not-accepted');
  assert.equal(result.value, true);
  assert.equal(toggle(doc).clicks, 1, 'no second try without the member asking');
  assert.deepEqual(reports.map((r) => [r.source, r.value]), [['page-load', true], ['assisted', true]]);
  current.stop();
});

test('a toggle that is already Off is not clicked', async () => {
  const doc = settingsPage({ checked: false });
  const { current, reports } = run(doc);
  await wait(5);
  assert.deepEqual(await current.switchOff(), { outcome: 'already-off', value: false });
  assert.equal(toggle(doc).clicks, undefined);
  assert.equal(reports.length, 1);
  current.stop();
});

test('a second request while one is under way does not click again', async () => {
  const doc = settingsPage();
  const { current } = run(doc);
  await wait(5);
  const [first, second] = await Promise.all([current.switchOff(), current.switchOff()]);
  assert.equal(first.outcome, 'switched-off');
  assert.equal(second.outcome, 'busy');
  assert.equal(toggle(doc).clicks, 1);
  current.stop();
});

test('a toggle that vanishes after the click is unknown, and nothing is logged for it', async () => {
  const doc = settingsPage();
  toggle(doc).afterClick = (element) => { element.attributes.delete('role'); element.attributes.set('type', 'hidden'); };
  const { current, reports } = run(doc);
  await wait(5);
  const result = await current.switchOff();
  assert.equal(result.outcome, 'unknown');
  assert.equal(reports.length, 1, 'only the page-load observation');
  current.stop();
});

test('without the host the switch-off still happens and says it was not logged yet', async () => {
  const doc = settingsPage();
  const { current } = run(doc, { answer: () => ({ result: 'queued', error: 'no-host' }) });
  await wait(5);
  const result = await current.switchOff();
  assert.equal(result.outcome, 'switched-off');
  assert.equal(result.recorded, null);
  assert.equal(result.logged, 'queued');
  current.stop();
});

test('a member flipping the toggle is reported as user-change', async () => {
  const doc = settingsPage();
  const { current, reports } = run(doc);
  await wait(5);
  toggle(doc).checked = false;
  doc.dispatch('change');
  await wait(20);
  assert.deepEqual(reports.map((r) => [r.source, r.value]), [['page-load', true], ['user-change', false]]);
  current.stop();
  assert.equal(doc.listenerCount('change'), 0, 'stop() removes its listeners');
});

// The page is not the member: its scripts can click and flip the toggle as often as they like.
test('a page script\'s synthetic clicks and changes are not the member\'s: no user-change is logged for them', async () => {
  const doc = settingsPage();
  const { current, reports } = run(doc);
  await wait(5);
  for (let i = 0; i < 500; i += 1) {
    toggle(doc).checked = !toggle(doc).checked;
    doc.dispatch('click', { isTrusted: false });
    doc.dispatch('change', { isTrusted: false });
  }
  toggle(doc).checked = false;
  doc.dispatch('change', { isTrusted: false });
  await wait(40);
  assert.deepEqual(reports.map((r) => r.source), ['page-load']);
  current.stop();
});

test('user-changes are spaced per visit: a burst logs the state it ended in, and a visit logs a bounded number', async () => {
  const doc = settingsPage();
  const { current, reports } = run(doc, { userChange: { spacingMs: 60, perVisit: 3 } });
  await wait(5);
  const flip = () => {
    toggle(doc).checked = !toggle(doc).checked;
    doc.dispatch('change');
  };
  flip();  // off
  await wait(10);
  for (let i = 0; i < 5; i += 1) flip();  // on, off, on, off, on: within the spacing
  await wait(10);
  assert.deepEqual(reports.map((r) => [r.source, r.value]), [['page-load', true], ['user-change', false]], 'one per spacing');
  await wait(80);
  assert.deepEqual(reports.slice(2).map((r) => [r.source, r.value]), [['user-change', true]], 'then the state the burst ended in');
  for (let i = 0; i < 40; i += 1) {
    flip();
    await wait(15);
  }
  await wait(100);
  assert.equal(reports.filter((r) => r.source === 'user-change').length, 3, 'no more than perVisit');
  current.stop();
});

test('when the wait ends and no strategy could read the toggle, the visit is unreadable and logs nothing', async () => {
  const doc = fakeDocument((h) => [h('header', { id: 'global-nav' }), h('main', {}, '', h('h1', {}, 'Data for Generative AI Improvement'),
    h('div', { role: 'switch', 'aria-checked': 'true' }), h('div', { role: 'switch', 'aria-checked': 'false' }))]);
  const { current, reports, changes } = run(Object.assign(doc, { cookie: '', baseURI: PAGE_URL }), { timeoutMs: 20 });
  await wait(60);
  assert.equal(current.phase, 'unreadable');
  assert.deepEqual(changes, ['unreadable']);
  assert.deepEqual(reports, []);
  assert.deepEqual(await current.switchOff(), { outcome: 'not-found' }, 'nothing to click');
  current.stop();
});

// The rebuilt UI's toggle drawn as a plain div (the `unreadable` fixture): no strategy can read it.
function unreadablePage({ signedIn = true } = {}) {
  const doc = fakeDocument((h) => [signedIn ? h('nav', {}, '', h('a', { href: '/in/jane-doe/' }, 'Me')) : h('nav', {}, 'Sign in'),
    h('div', {}, '', h('h1', {}, 'Data for Generative AI Improvement'),
      h('span', {}, 'Use my data for training content creation AI models'), h('div', { id: 'ai-toggle', tabindex: '0' }))]);
  return Object.assign(doc, { cookie: '', baseURI: PAGE_URL });
}

test('while the toggle is unreadable, the member\'s answer is logged once, as theirs: member-reported, with their value', async () => {
  const { current, reports } = run(unreadablePage(), { timeoutMs: 10 });
  await wait(30);
  const before = Date.now();
  const result = await current.reportByMember(false);
  assert.deepEqual(result, { outcome: 'logged', value: false, recorded: result.recorded });
  assert.equal(typeof result.recorded, 'number');
  assert.equal(reports.length, 1);
  const [said] = reports;
  assert.deepEqual({ ...said, time: 0 }, { platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: false, url: PAGE_URL, time: 0, source: 'member-reported' });
  assert.ok(said.time >= before && said.time <= Date.now());
  assert.equal(current.value, null, 'the member\'s word is not a reading of the visit\'s');
  assert.equal(current.phase, 'unreadable');
  assert.deepEqual(await current.reportByMember(true), { outcome: 'busy' }, 'none after it was logged');
  assert.equal(reports.length, 1);
  current.stop();
});

test('two answers at once are one report; an answer the background could not take may be given again', async () => {
  const answers = [null, { result: 'refused', error: 'bad_request' }, { result: 'queued', error: 'no-host' }];
  const { current, reports } = run(unreadablePage(), { timeoutMs: 10, answer: () => answers.shift() });
  await wait(30);
  const [first, second] = await Promise.all([current.reportByMember(false), current.reportByMember(true)]);
  assert.deepEqual([first.outcome, second.outcome], ['failed', 'busy']);
  assert.deepEqual((await current.reportByMember(false)).outcome, 'failed');
  assert.deepEqual(await current.reportByMember(true), { outcome: 'queued', value: true, recorded: null }, 'kept in the outbox: not offered again');
  assert.deepEqual((await current.reportByMember(false)).outcome, 'busy');
  assert.deepEqual(reports.map((r) => [r.source, r.value]), [['member-reported', false], ['member-reported', false], ['member-reported', true]]);
  current.stop();
});

test('the member\'s answer is taken only while the toggle is unreadable, never beside a reading', async () => {
  const found = run(settingsPage());
  await wait(5);
  assert.deepEqual(await found.current.reportByMember(false), { outcome: 'not-unreadable' });
  assert.deepEqual(found.reports.map((r) => r.source), ['page-load']);
  found.current.stop();
  const waiting = run(unreadablePage(), { timeoutMs: 1000 });
  assert.deepEqual(await waiting.current.reportByMember(false), { outcome: 'not-unreadable' }, 'not while untrain still looks');
  waiting.current.stop();
  assert.deepEqual(await waiting.current.reportByMember(false), { outcome: 'not-unreadable' }, 'not once the visit ended');
  assert.deepEqual(waiting.reports, []);
});

test('a signed-out page whose toggle cannot be read is signed-out, with nobody to ask', async () => {
  const { current, changes } = run(unreadablePage({ signedIn: false }), { timeoutMs: 10 });
  await wait(30);
  assert.deepEqual(changes, ['signed-out']);
  assert.deepEqual(await current.reportByMember(false), { outcome: 'not-unreadable' });
  current.stop();
});

test('a toggle LinkedIn renders after the wait gave up is read as on a page load, and wins over the member\'s answer', async () => {
  const observers = [];
  const original = globalThis.MutationObserver;
  globalThis.MutationObserver = class {
    constructor(callback) { this.callback = callback; }
    observe() { observers.push(this); }
    disconnect() { observers.splice(observers.indexOf(this), 1); }
  };
  try {
    const doc = unreadablePage();
    const { current, reports, changes } = run(doc, { timeoutMs: 10 });
    await wait(30);
    assert.equal(current.phase, 'unreadable');
    assert.equal(observers.length, 1, 'still looking, once the wait gave up');
    await current.reportByMember(false);
    const toggle = doc.getElementById('ai-toggle');
    toggle.setAttribute('role', 'switch');
    toggle.setAttribute('aria-checked', 'true');
    observers[0].callback([]);
    await wait(1100);
    assert.deepEqual(reports.map((r) => [r.source, r.value]), [['member-reported', false], ['page-load', true]]);
    assert.deepEqual(changes, ['unreadable', true]);
    assert.equal(current.phase, 'found');
    assert.equal(observers.length, 0, 'and no longer looking');
    current.stop();
  } finally {
    globalThis.MutationObserver = original;
  }
});

test('leaving the page stops the look that goes on after the wait', async () => {
  const observers = new Set();
  const original = globalThis.MutationObserver;
  globalThis.MutationObserver = class {
    observe() { observers.add(this); }
    disconnect() { observers.delete(this); }
  };
  try {
    const { current } = run(unreadablePage(), { timeoutMs: 10 });
    await wait(30);
    assert.equal(observers.size, 1);
    current.stop();
    assert.equal(observers.size, 0);
  } finally {
    globalThis.MutationObserver = original;
  }
});

test('a switch lingering from the previous page is not reported for the page the URL names', async () => {
  // In-app move from the Data sharing page (its key taken away): the URL is the AI-training page's, the DOM not yet.
  const doc = fakeDocument((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')),
    h('main', {}, '', h('section', {}, '', h('h1', {}, 'Data sharing with affiliates and select partners'),
      h('input', { type: 'checkbox', role: 'switch' }, { checked: true })))]);
  Object.assign(doc, { cookie: '', baseURI: PAGE_URL });
  const lingering = fallback.snapshot(doc);
  const { current, reports } = run(doc, { lingering, timeoutMs: 30 });
  await wait(60);
  assert.deepEqual(reports, []);
  assert.equal(current.phase, 'unreadable');
  current.stop();
});

test('behind LinkedIn\'s artdeco component the click goes to its wrapper, once, and the outcome is re-read', async () => {
  const doc = fakeDocument((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')),
    h('main', {}, '', h('div', { class: 'artdeco-toggle artdeco-toggle--toggled' }, '',
      h('input', { type: 'checkbox', role: 'switch', id: 'ember7', class: 'artdeco-toggle__button', 'aria-labelledby': 'allowDataForGenerativeAI' }, { checked: true }),
      h('label', { for: 'ember7' }, 'On')))]);
  Object.assign(doc, { cookie: '', baseURI: PAGE_URL });
  const wrapper = doc.querySelector('.artdeco-toggle');
  // The component handles the wrapper's click and renders the input's new state afterwards.
  wrapper.afterClick = () => setTimeout(() => { toggle(doc).checked = !toggle(doc).checked; }, 10);
  const { current, reports } = run(doc);
  await wait(5);
  const result = await current.switchOff();
  assert.equal(wrapper.clicks, 1);
  assert.equal(toggle(doc).clicks, undefined, 'the input itself is not clicked');
  assert.equal(result.outcome, 'switched-off');
  assert.deepEqual(reports.map((r) => [r.setting, r.source, r.value]), [['ai-training', 'page-load', true], ['ai-training', 'assisted', false]]);
  current.stop();
});

test('each setting of a page with two is reported under its own id, read from its own key', async () => {
  const doc = fakeDocument((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')),
    h('main', {}, '', h('h1', {}, 'LinkedIn promotions'),
      h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowProfileAndActivityDataForMarketingAds' }, { checked: true }),
      h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'tipsForUsingLinkedinViaEmail' }, { checked: false }))]);
  const url = 'https://www.linkedin.com/mypreferences/d/settings/linkedin-promotions';
  Object.assign(doc, { cookie: '', baseURI: url });
  const both = ['promotions-marketing', 'promotions-email-tips'].map((id) => run(doc, { win: at(url), setting: linkedin.settings.find((s) => s.id === id) }));
  await wait(5);
  assert.deepEqual(both.flatMap((v) => v.reports).map((r) => [r.setting, r.value]), [['promotions-marketing', true], ['promotions-email-tips', false]]);
  both.forEach((v) => v.current.stop());
});
