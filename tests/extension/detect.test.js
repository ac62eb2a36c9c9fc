'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { fakeDocument } = require('./fake-dom');

const { detect } = load('content/detect.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const setting = linkedin.settings.find((s) => s.id === 'ai-training');
const LABEL = 'Use my data for training content creation AI models';

// LinkedIn's known pattern: a checkbox with role=switch named by aria-labelledby.
const settingsPage = ({ checked = true, label = LABEL, extra = [] } = {}) => fakeDocument((h) => [
  h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')),
  h('main', {}, '',
    h('span', { id: 'lbl' }, label),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'lbl', ...(checked ? { checked: '' } : {}) }),
    ...extra.map((make) => make(h))),
]);

test('the labelled switch is found and read On', () => {
  const result = detect.find(settingsPage({ checked: true }), setting);
  assert.equal(result.found, true);
  assert.equal(result.value, true);
  assert.equal(result.strategy, 'label');
  assert.equal(result.element.localName, 'input');
});

test('the labelled switch is read Off from .checked', () => {
  assert.equal(detect.find(settingsPage({ checked: false }), setting).value, false);
});

test('the label matches regardless of case, spacing and apostrophe style', () => {
  const doc = settingsPage({ label: '  use MY data for\n training   content creation AI models ' });
  assert.equal(detect.find(doc, setting).strategy, 'label');
  const french = settingsPage({ label: "Utiliser mes données pour entraîner des modèles d'IA de création de contenu" });
  assert.equal(detect.find(french, setting).strategy, 'label');
});

test('a label that only contains the text still matches', () => {
  assert.equal(detect.find(settingsPage({ label: `${LABEL} (beta)` }), setting).strategy, 'label');
});

test('aria-label and <label for> also name a switch', () => {
  const byAriaLabel = fakeDocument((h) => [h('main', {}, '', h('div', { role: 'switch', 'aria-label': LABEL, 'aria-checked': 'false' }))]);
  assert.deepEqual(pick(detect.find(byAriaLabel, setting)), { found: true, value: false, strategy: 'label' });
  const byLabelFor = fakeDocument((h) => [h('main', {}, '',
    h('label', { for: 'ai' }, LABEL), h('input', { type: 'checkbox', id: 'ai', role: 'switch' }, { checked: true }))]);
  assert.deepEqual(pick(detect.find(byLabelFor, setting)), { found: true, value: true, strategy: 'label' });
});

test('an unlabelled switch is found as the only switch in the main content', () => {
  const doc = settingsPage({ label: 'Something LinkedIn renamed it to' });
  assert.deepEqual(pick(detect.find(doc, setting)), { found: true, value: true, strategy: 'only-switch' });
});

test('two unlabelled switches are not guessed between', () => {
  const doc = settingsPage({ label: 'Renamed', extra: [(h) => h('div', { role: 'switch', 'aria-checked': 'false' })] });
  assert.deepEqual(detect.find(doc, setting), { found: false });
});

test('a page without the toggle is not found, never Off', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('p', {}, 'Loading…'))]);
  assert.deepEqual(detect.find(doc, setting), { found: false });
});

test('a switch outside the main content is not taken for the only switch', () => {
  const doc = fakeDocument((h) => [h('header', {}, '', h('div', { role: 'switch', 'aria-checked': 'true' })), h('main', {}, '', h('p', {}, 'x'))]);
  assert.deepEqual(detect.find(doc, setting), { found: false });
});

test('a switch whose state cannot be read is not found', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('div', { role: 'switch', 'aria-label': LABEL }))]);
  assert.deepEqual(detect.find(doc, setting), { found: false });
});

test('labelled switches that disagree give no answer rather than a guess', () => {
  const doc = settingsPage({ checked: true, extra: [(h) => h('div', { role: 'switch', 'aria-label': LABEL, 'aria-checked': 'false' })] });
  assert.deepEqual(detect.find(doc, setting), { found: false });
});

test('strategies the detector does not know are skipped', () => {
  const doc = settingsPage();
  const result = detect.find(doc, { ...setting, find: [{ strategy: 'from-the-future' }, ...setting.find] });
  assert.equal(result.strategy, 'label');
});

test('aria-checked is read for non-input switches', () => {
  const doc = fakeDocument(() => []);
  const make = (value) => ({ localName: 'button', getAttribute: (n) => (n === 'aria-checked' ? value : null), ownerDocument: doc });
  assert.equal(detect.readState(make('true')), true);
  assert.equal(detect.readState(make('false')), false);
  assert.equal(detect.readState(make('mixed')), null);
  assert.equal(detect.readState(make(null)), null);
});

function pick({ found, value, strategy }) {
  return { found, value, strategy };
}

const linkedinAll = linkedin.settings;
const adsByAge = linkedin.settings.find((s) => s.id === 'ads-by-age');

test('a switch named by its key is found among other switches', () => {
  const doc = fakeDocument((h) => [h('main', {}, '',
    h('div', { role: 'switch', 'aria-checked': 'true', 'aria-labelledby': 'allowAdsByGender' }),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowAdsByAge' }))]);
  assert.deepEqual(pick(detect.find(doc, adsByAge, linkedinAll)), { found: true, value: false, strategy: 'key' });
});

test('an id key names a switch too', () => {
  const cookies = linkedin.settings.find((s) => s.id === 'cookies');
  const doc = fakeDocument((h) => [h('main', {}, '', h('input', { type: 'checkbox', role: 'switch', id: 'nonEssentialCookieConsent', checked: '' }))]);
  assert.deepEqual(pick(detect.find(doc, cookies, linkedinAll)), { found: true, value: true, strategy: 'key' });
});

test('the structural fallback does not take another setting\'s switch left over from the previous page', () => {
  // In-app navigation from the AI-training page: its switch is still shown while the URL is already the next page's.
  const doc = settingsPage({ checked: true });
  assert.deepEqual(detect.find(doc, adsByAge, linkedinAll), { found: false });
  const keyed = fakeDocument((h) => [h('main', {}, '', h('div', { role: 'switch', 'aria-checked': 'true', 'aria-labelledby': 'allowAdsByGender' }))]);
  assert.deepEqual(detect.find(keyed, adsByAge, linkedinAll), { found: false });
});

test('an unlabelled switch in an unknown language is still the only switch of its page', () => {
  const doc = settingsPage({ label: 'Usa i miei dati per addestrare modelli di IA per la creazione di contenuti' });
  assert.deepEqual(pick(detect.find(doc, setting, linkedinAll)), { found: true, value: true, strategy: 'only-switch' });
});
