'use strict';
// The structural fallback's refusals, one per rule: it never takes a switch that lingers from the previous page, one
// that another setting's key or label (or a key untrain does not manage) names, one outside the page's content area,
// or one of several; and without a page heading it takes nothing. Each refusal is shown beside the page it does take.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { fakeDocument } = require('./fake-dom');

const { detect, fallback } = load('content/detect.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const ai = linkedin.settings.find((s) => s.id === 'ai-training');
// The AI-training rule with its key and label taken away: whatever is found is found by the fallback.
const fallbackOnly = { ...ai, find: [{ strategy: 'only-switch' }] };

const unkeyedSwitch = (h, checked = true) => h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'lbl' }, { checked });
const card = (h, heading, ...rest) => h('div', { class: '_c4rd' }, '', h('h1', {}, heading), h('span', { id: 'lbl' }, 'Renamed'), ...rest);
// LinkedIn's rebuilt UI: hashed class names, no <main>, no <header>.
const rebuiltPage = (content) => fakeDocument((h) => [h('div', { class: '_4pp' }, '',
  h('nav', { class: '_n4v' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')),
  ...content(h))]);

const find = (doc, options = {}) => detect.find(doc, fallbackOnly, { rules: linkedin, ...options });
const taken = (doc, options) => find(doc, options).found;

test('without <main>, the one switch of the region that holds the page heading is taken', () => {
  const doc = rebuiltPage((h) => [card(h, 'Data for Generative AI Improvement', unkeyedSwitch(h))]);
  assert.deepEqual(fallback.pick(doc).refused, undefined);
  assert.equal(find(doc).value, true);
});

test('a page without a level-1 heading gets no fallback: there is no content area to look in', () => {
  const doc = rebuiltPage((h) => [h('div', {}, '', h('h2', {}, 'Data for Generative AI Improvement'), unkeyedSwitch(h))]);
  assert.equal(fallback.pick(doc).refused, 'no-content-area');
  assert.equal(taken(doc), false);
  const ariaHeading = rebuiltPage((h) => [h('div', {}, '', h('div', { role: 'heading', 'aria-level': '1' }, 'Data for Generative AI Improvement'), unkeyedSwitch(h))]);
  assert.equal(taken(ariaHeading), true, 'an ARIA heading of level 1 is a heading');
});

test('a switch outside the content area is refused: a side panel\'s switch while the page\'s own is still loading', () => {
  const loading = rebuiltPage((h) => [
    h('div', { class: '_m41n' }, '', h('h1', {}, 'Data for Generative AI Improvement'), h('p', {}, 'Loading…')),
    h('div', { class: '_s1d3' }, '', h('span', {}, 'Open to work'), h('div', { role: 'switch', 'aria-checked': 'true' }))]);
  assert.equal(fallback.pick(loading).refused, 'no-switch');
  assert.equal(taken(loading), false);
});

test('a side panel inside the content region does not count: the page\'s own switch is still taken', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('h1', {}, 'Data for Generative AI Improvement'),
    h('span', { id: 'lbl' }, 'Renamed'), unkeyedSwitch(h, false),
    h('aside', {}, '', h('div', { role: 'switch', 'aria-checked': 'true' })))]);
  assert.deepEqual({ found: find(doc).found, value: find(doc).value }, { found: true, value: false });
  const onlyTheAside = fakeDocument((h) => [h('main', {}, '', h('h1', {}, 'Data for Generative AI Improvement'),
    h('aside', {}, '', h('div', { role: 'switch', 'aria-checked': 'true' })))]);
  assert.equal(fallback.pick(onlyTheAside).refused, 'no-switch');
});

test('one of several switches in the content area is refused', () => {
  const doc = rebuiltPage((h) => [card(h, 'Data for Generative AI Improvement', unkeyedSwitch(h), h('div', { role: 'switch', 'aria-checked': 'false' }))]);
  assert.equal(fallback.pick(doc).refused, 'several-switches');
  assert.equal(taken(doc), false);
});

test('headings in two regions leave no content area to choose', () => {
  const doc = rebuiltPage((h) => [card(h, 'Data for Generative AI Improvement', unkeyedSwitch(h)),
    h('div', {}, '', h('h1', {}, 'Messaging'), h('div', { role: 'switch', 'aria-checked': 'true' }))]);
  assert.equal(fallback.pick(doc).refused, 'no-content-area');
});

test('a switch named by another setting\'s key is refused, whatever page it is on', () => {
  const dataSharing = rebuiltPage((h) => [card(h, 'Data sharing',
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'shareDataWithTrustedPartners' }, { checked: true }))]);
  assert.equal(taken(dataSharing), false);
  const byId = rebuiltPage((h) => [card(h, 'Cookies', h('input', { type: 'checkbox', role: 'switch', id: 'nonEssentialCookieConsent' }, { checked: true }))]);
  assert.equal(taken(byId), false);
});

test('a switch named by a key untrain knows but does not manage is refused', () => {
  const doc = rebuiltPage((h) => [card(h, 'Something else',
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'someUnmanagedKey' }, { checked: true }))]);
  assert.equal(taken(doc), true, 'unknown to the rules, it would be taken');
  const rules = { ...linkedin, unmanaged_keys: [{ key: 'someUnmanagedKey', note: 'a switch untrain leaves alone' }] };
  assert.equal(taken(doc, { rules }), false);
  assert.equal(fallback.pick(doc, { claimedElsewhere: (e) => e.getAttribute('aria-labelledby') === 'someUnmanagedKey' }).refused, 'claimed');
});

test('a switch labelled for another setting is refused', () => {
  // Seen from another page: the AI-training switch (its label) is never that page's switch.
  const doc = rebuiltPage((h) => [h('div', {}, '', h('h1', {}, 'Age range'),
    h('span', { id: 'ai-label' }, 'Use my data for training content creation AI models'),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'ai-label' }, { checked: true }))]);
  const ageRange = linkedin.settings.find((s) => s.id === 'ads-by-age');
  assert.equal(detect.find(doc, ageRange, { rules: linkedin }).found, false);
});

test('a switch that was on screen when the in-app navigation began is refused, though it is the only one', () => {
  const doc = rebuiltPage((h) => [card(h, 'Data for Generative AI Improvement', unkeyedSwitch(h))]);
  const lingering = fallback.snapshot(doc);
  assert.equal(fallback.pick(doc, { lingering }).refused, 'lingering');
  assert.equal(taken(doc, { lingering }), false);
  assert.equal(taken(doc, { lingering: null }), true, 'after a full page load nothing lingers');
});

test('the previous page re-rendered as fresh elements is still refused: its heading was on screen', () => {
  const doc = rebuiltPage((h) => [h('div', { id: 'content' }, '', card(h, 'Data sharing with affiliates and select partners', unkeyedSwitch(h)))]);
  const lingering = fallback.snapshot(doc);
  const content = doc.getElementById('content');
  content.replaceChildren(card(doc.h, 'Data sharing with affiliates and select partners', unkeyedSwitch(doc.h)));
  assert.equal(fallback.pick(doc, { lingering }).refused, 'lingering');
});

test('the new page\'s own switch, rendered after the navigation began, is taken', () => {
  const doc = rebuiltPage((h) => [h('div', { id: 'content' }, '', card(h, 'Data sharing with affiliates and select partners', unkeyedSwitch(h)))]);
  const lingering = fallback.snapshot(doc);
  doc.getElementById('content').replaceChildren(card(doc.h, 'Data for Generative AI Improvement', unkeyedSwitch(doc.h, false)));
  assert.deepEqual({ found: find(doc, { lingering }).found, value: find(doc, { lingering }).value }, { found: true, value: false });
});

test('the page\'s own key and label still find a switch that lingered: only the fallback refuses it', () => {
  const doc = rebuiltPage((h) => [h('div', {}, '', h('h1', {}, 'Data for Generative AI Improvement'),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowDataForGenerativeAI' }, { checked: true }))]);
  const lingering = fallback.snapshot(doc);
  assert.equal(detect.find(doc, ai, { rules: linkedin, lingering }).strategy, 'key');
});
