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

function stage(settings, { lingering = null } = {}) {
  const visits = [];
  const drawn = [];
  untrain.visit = {
    start: (options) => {
      const one = { options, switchOff: async () => ({ outcome: 'switched-off', value: false, recorded: 7 }), stop: () => { one.stopped = true; } };
      visits.push(one);
      return one;
    },
  };
  untrain.callout = {
    model,
    show: (doc, element, view, { on }) => drawn.push({ setting: view.title, step: view.step, element, on }),
    hide: () => drawn.push(null),
  };
  const doc = fakeDocument(() => []);
  const page = untrain.settingPage.start({
    doc, win: { location: new URL(`https://www.linkedin.com${settings[0].page}`) }, rules: linkedin, settings, lingering,
    report: async () => ({ result: 'ack' }), markForm: async () => ({ result: 'ack' }),
    nudges: { shown() {}, clicked() {} }, status: () => null,
  });
  const tell = (id, change) => visits.find((v) => v.options.setting.id === id).options.onChange(change);
  return { page, visits, drawn, tell, last: () => drawn.at(-1) };
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

test('a toggle no strategy could read is said to be not found: the unreadable phase reaches the callout', () => {
  const { tell, last } = stage([ai]);
  tell('ai-training', { phase: 'unreadable', value: null, element: null });
  assert.equal(last().step, 'not-found');
});

test('a signed-out page shows no callout', () => {
  const { tell, last } = stage([ai]);
  tell('ai-training', { phase: 'signed-out', value: null, element: null });
  assert.equal(last(), null);
});
