'use strict';
// A settings page with its visits and its one callout: one visit per setting on the page (LinkedIn's promotions page
// has two), and the callout beside one of them at a time. Visits and the callout's drawing are stood in for here;
// each has its own tests (visit.test.js, callout.test.js) and the real page is checked end to end.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { useLocale } = require('./locale');
const { fakeDocument } = require('./fake-dom');

useLocale('en');
const untrain = load('content/setting-page.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const promotions = linkedin.settings.filter((s) => s.page === '/mypreferences/d/settings/linkedin-promotions');
const ai = linkedin.settings.find((s) => s.id === 'ai-training');
const { model } = untrain.callout;

function stage(settings, { lingering = null, reported = (value) => ({ outcome: 'logged', value, recorded: 7 }) } = {}) {
  const visits = [];
  const confirmations = [];
  const drawn = [];
  const changes = [];
  untrain.visit = {
    start: (options) => {
      const one = {
        options, said: [],
        switchOff: async () => ({ outcome: 'switched-off', value: false, recorded: 7 }),
        reportByMember: async (value) => { one.said.push(value); return reported(value); },
        stop: () => { one.stopped = true; },
      };
      visits.push(one);
      return one;
    },
  };
  untrain.callout = {
    model,
    show: (doc, element, view, { on }) => drawn.push({ setting: view.title, step: view.step, element, on, view }),
    hide: () => drawn.push(null),
  };
  const doc = fakeDocument(() => []);
  doc.documentElement.lang = 'en';
  const page = untrain.settingPage.start({
    doc, win: { location: new URL(`https://www.linkedin.com${settings[0].page}`) }, rules: linkedin, settings, lingering,
    report: async () => ({ result: 'ack' }), confirmForm: async (form) => { confirmations.push(form); return { result: 'opened' }; },
    nudges: { shown() {}, clicked() {} }, status: () => null, changed: () => changes.push(page.unreadable('ai-training')),
  });
  const tell = (id, change) => visits.find((v) => v.options.setting.id === id).options.onChange(change);
  return { page, visits, drawn, tell, changes, confirmations, last: () => drawn.at(-1) };
}

test('a page with two settings starts one visit per setting, each given the lingering snapshot', () => {
  const lingering = { switches: new WeakSet(), headings: new WeakSet(), texts: new Set() };
  const { page, visits } = stage(promotions, { lingering });
  assert.deepEqual(visits.map((v) => v.options.setting.id), ['promotions-marketing', 'promotions-email-tips']);
  assert.ok(visits.every((v) => v.options.lingering === lingering && v.options.rules === linkedin));
  page.stop();
  assert.ok(visits.every((v) => v.stopped), 'leaving the page ends every visit');
});

test('the one callout goes to the first On setting, and to the next once the member closed the first\'s outcome', async () => {
  const { tell, last } = stage(promotions);
  const marketing = { element: { id: 'marketing' } };
  tell('promotions-email-tips', { phase: 'found', value: true, element: { id: 'tips' } });
  assert.deepEqual([last().setting, last().step], [promotions[1].title, 'on'], 'the only one read so far');
  tell('promotions-marketing', { phase: 'found', value: true, ...marketing });
  assert.deepEqual([last().setting, last().step, last().element], [promotions[0].title, 'on', marketing.element]);
  await last().on.switchOff();
  assert.deepEqual([last().setting, last().step], [promotions[0].title, 'switched-off'], 'the outcome stays until the member closes it');
  tell('promotions-email-tips', { phase: 'found', value: true, element: { id: 'tips' } });
  assert.equal(last().setting, promotions[0].title);
  last().on.close();
  assert.deepEqual([last().setting, last().step], [promotions[1].title, 'on']);
  last().on.close();
  assert.equal(last(), null, 'nothing left to say');
});

test('a setting that is Off leaves the callout to one that is On', () => {
  const { tell, last } = stage(promotions);
  tell('promotions-marketing', { phase: 'found', value: false, element: {} });
  assert.equal(last().step, 'off');
  tell('promotions-email-tips', { phase: 'found', value: true, element: {} });
  assert.deepEqual([last().setting, last().step], [promotions[1].title, 'on']);
});

test('a toggle no strategy could read: the callout, in the corner, says so, names the switch, links LinkedIn\'s help and asks the member', () => {
  const { tell, last } = stage([ai]);
  tell('ai-training', { phase: 'unreadable', value: null, element: null });
  assert.deepEqual([last().step, last().element], ['unreadable', null]);
  const { text, unreadable } = last().view;
  assert.equal(text, 'untrain could not read this page; LinkedIn may have changed it.');
  assert.equal(unreadable.lookFor, 'Look for the switch “Use my data for training content creation AI models”.');
  assert.equal(unreadable.help.url, ai.help[0].url);
  assert.deepEqual(unreadable.answers.map((a) => a.value), [false, true]);
});

test('the banner is given the very words of the callout, and the same answer, while the toggle cannot be read', async () => {
  const { page, tell, last, visits, changes } = stage([ai]);
  assert.equal(page.unreadable('ai-training'), null, 'nothing to say while untrain still looks');
  tell('ai-training', { phase: 'unreadable', value: null, element: null });
  const forBanner = changes.at(-1);
  assert.equal(forBanner.setting, 'ai-training');
  assert.deepEqual(forBanner.view, last().view.unreadable);
  assert.equal(page.unreadable('ads-by-age'), null, 'not for a setting of another page');
  await forBanner.answer(true);
  assert.deepEqual(visits[0].said, [true]);
  assert.equal(changes.at(-1).view.answers, null, 'answered from the banner: the callout and banner stop asking');
  assert.equal(last().view.unreadable.answers, null);
  tell('ai-training', { phase: 'found', value: false, element: { id: 'ai-toggle' } });
  assert.equal(changes.at(-1), null, 'a reading once the toggle shows: the banner is the banner again');
  assert.equal(last().step, 'off');
});

test('one answer per click, none once it was logged: the callout then says it was the member\'s, and when', async () => {
  const { tell, last, visits } = stage([ai]);
  tell('ai-training', { phase: 'unreadable', value: null, element: null });
  const pending = last().on.answer(false);
  assert.ok(last().view.unreadable.answers.every((a) => a.disabled), 'disabled while on its way');
  last().on.answer(true);
  await pending;
  assert.deepEqual(visits[0].said, [false], 'the second click while the first was on its way did nothing');
  assert.match(last().view.unreadable.note, /^You checked it yourself: “Off”\. Logged as reported by you on .+; untrain did not read it\.$/);
  assert.equal(last().view.unreadable.answers, null);
  await last().on.answer(true);
  assert.deepEqual(visits[0].said, [false], 'none after the confirmation');
});

test('an answer the helper did not take is said so, and may be given again', async () => {
  const { tell, last, visits } = stage([ai], { reported: (value) => ({ outcome: 'failed', value, recorded: null }) });
  tell('ai-training', { phase: 'unreadable', value: null, element: null });
  await last().on.answer(false);
  assert.match(last().view.unreadable.note, /could not log your answer/);
  await last().on.answer(false);
  assert.deepEqual(visits[0].said, [false, false]);
});

test('a toggle that vanished after our click is still said to be not found', () => {
  const { tell, last } = stage([ai]);
  tell('ai-training', { phase: 'not-found', value: null, element: null });
  assert.equal(last().step, 'not-found');
});

test('a signed-out page shows no callout', () => {
  const { tell, last } = stage([ai]);
  tell('ai-training', { phase: 'signed-out', value: null, element: null });
  assert.equal(last(), null);
});

test('"I\'ve sent it" on LinkedIn\'s page asks for our confirmation page and marks nothing itself', async () => {
  const { tell, last, confirmations } = stage([ai]);
  tell('ai-training', { phase: 'found', value: false, element: { id: 'ai' } });
  assert.equal(last().view.form.mark, 'I’ve sent it');
  await last().on.formSent();
  assert.deepEqual(confirmations, [{ platform: 'linkedin', account: null, form: 'objection-form' }]);
  assert.doesNotMatch(last().view.form.text, /as sent on/, 'the date shows only once the member confirmed it on our page');
});
