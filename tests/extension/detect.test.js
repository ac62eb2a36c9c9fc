'use strict';
// Finding and reading a setting's toggle: by its key, by its label, by the structural fallback (whose refusals are
// specified in fallback.test.js), and where to click it.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { fakeDocument } = require('./fake-dom');

const { detect } = load('content/detect.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const byId = (id) => linkedin.settings.find((s) => s.id === id);
const setting = byId('ai-training');
const LABEL = 'Use my data for training content creation AI models';
const withRules = { rules: linkedin };

// A settings page as LinkedIn draws it: a heading, the label and the switch, in one card; no key unless given.
const settingsPage = ({ checked = true, label = LABEL, labelledBy = 'lbl', extra = [] } = {}) => fakeDocument((h) => [
  h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me')),
  h('main', {}, '', h('section', {}, '',
    h('h1', {}, 'Data for Generative AI Improvement'),
    h('span', { id: labelledBy }, label),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': labelledBy, ...(checked ? { checked: '' } : {}) }),
    ...extra.map((make) => make(h)))),
]);

function pick({ found, value, strategy }) {
  return { found, value, strategy };
}

test('the AI-training switch is found first by its key, and read from its checked property alone', () => {
  // LinkedIn sets neither a checked nor an aria-checked attribute: the state is the property.
  const doc = fakeDocument((h) => [h('div', {}, '',
    h('h1', {}, 'Data for Generative AI Improvement'),
    h('span', { id: 'allowDataForGenerativeAI' }, 'Something LinkedIn renamed it to'),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowDataForGenerativeAI' }, { checked: true }))]);
  assert.deepEqual(pick(detect.find(doc, setting, withRules)), { found: true, value: true, strategy: 'key' });
  doc.querySelector('input').checked = false;
  assert.equal(detect.find(doc, setting, withRules).value, false);
});

test('the labelled switch is found and read On', () => {
  const result = detect.find(settingsPage({ checked: true }), setting, withRules);
  assert.deepEqual(pick(result), { found: true, value: true, strategy: 'label' });
  assert.equal(result.element.localName, 'input');
});

test('the labelled switch is read Off from .checked', () => {
  assert.equal(detect.find(settingsPage({ checked: false }), setting, withRules).value, false);
});

test('every published label text finds the switch: English, German, French (des and les) and Spanish (both wordings)', () => {
  for (const label of [
    LABEL,
    'Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen',
    'Utiliser mes données pour entraîner des modèles d’IA de création de contenu',
    'Utiliser mes données pour entraîner les modèles d’IA de création de contenu',
    'Usar mis datos para entrenar modelos de IA que crean contenido',
    'Usar mis datos para entrenar modelos de IA de generación de contenido',
  ]) {
    // A second switch beside it leaves the fallback nothing to take: only the label can find it.
    const doc = settingsPage({ label, extra: [(h) => h('div', { role: 'switch', 'aria-checked': 'false' })] });
    assert.equal(detect.find(doc, setting, withRules).strategy, 'label', label);
  }
});

test('the label matches regardless of case, spacing and apostrophe style, and when it says more', () => {
  assert.equal(detect.find(settingsPage({ label: '  use MY data for\n training   content creation AI models ' }), setting, withRules).strategy, 'label');
  const french = settingsPage({ label: "Utiliser mes données pour entraîner des modèles d'IA de création de contenu" });
  assert.equal(detect.find(french, setting, withRules).strategy, 'label');
  assert.equal(detect.find(settingsPage({ label: `${LABEL} (beta)` }), setting, withRules).strategy, 'label');
});

test('aria-label and <label for> also name a switch', () => {
  const byAriaLabel = fakeDocument((h) => [h('main', {}, '', h('div', { role: 'switch', 'aria-label': LABEL, 'aria-checked': 'false' }))]);
  assert.deepEqual(pick(detect.find(byAriaLabel, setting)), { found: true, value: false, strategy: 'label' });
  const byLabelFor = fakeDocument((h) => [h('main', {}, '',
    h('label', { for: 'ai' }, LABEL), h('input', { type: 'checkbox', id: 'ai', role: 'switch' }, { checked: true }))]);
  assert.deepEqual(pick(detect.find(byLabelFor, setting)), { found: true, value: true, strategy: 'label' });
});

test('an unlabelled switch is found as the only switch of the region that holds the page heading', () => {
  const doc = settingsPage({ label: 'Something LinkedIn renamed it to' });
  assert.deepEqual(pick(detect.find(doc, setting, withRules)), { found: true, value: true, strategy: 'only-switch' });
});

test('an unlabelled switch in an unknown language is still the only switch of its page', () => {
  const doc = settingsPage({ label: 'Usa i miei dati per addestrare modelli di IA per la creazione di contenuti' });
  assert.deepEqual(pick(detect.find(doc, setting, withRules)), { found: true, value: true, strategy: 'only-switch' });
});

test('a page without the toggle is not found, never Off', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('h1', {}, 'Data for Generative AI Improvement'), h('p', {}, 'Loading…'))]);
  assert.deepEqual(detect.find(doc, setting, withRules), { found: false });
});

test('a switch whose state cannot be read is not found', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('h1', {}, 'x'), h('div', { role: 'switch', 'aria-label': LABEL }))]);
  assert.deepEqual(detect.find(doc, setting, withRules), { found: false });
});

test('labelled switches that disagree give no answer rather than a guess', () => {
  const doc = settingsPage({ checked: true, extra: [(h) => h('div', { role: 'switch', 'aria-label': LABEL, 'aria-checked': 'false' })] });
  assert.deepEqual(detect.find(doc, setting, withRules), { found: false });
});

test('strategies the detector does not know are skipped', () => {
  const result = detect.find(settingsPage(), { ...setting, find: [{ strategy: 'from-the-future' }, ...setting.find] }, withRules);
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

test('a switch named by its key is found among other switches', () => {
  const doc = fakeDocument((h) => [h('main', {}, '',
    h('div', { role: 'switch', 'aria-checked': 'true', 'aria-labelledby': 'allowAdsByGender' }),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowAdsByAge' }))]);
  assert.deepEqual(pick(detect.find(doc, byId('ads-by-age'), withRules)), { found: true, value: false, strategy: 'key' });
});

test('an id key names a switch too', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('input', { type: 'checkbox', role: 'switch', id: 'nonEssentialCookieConsent', checked: '' }))]);
  assert.deepEqual(pick(detect.find(doc, byId('cookies'), withRules)), { found: true, value: true, strategy: 'key' });
});

test('on the promotions page each of the two switches is found by its own key and read as itself', () => {
  const doc = fakeDocument((h) => [h('main', {}, '', h('section', {}, '', h('h1', {}, 'LinkedIn promotions'),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowProfileAndActivityDataForMarketingAds' }, { checked: true }),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'tipsForUsingLinkedinViaEmail' }, { checked: false })))]);
  assert.deepEqual(pick(detect.find(doc, byId('promotions-marketing'), withRules)), { found: true, value: true, strategy: 'key' });
  assert.deepEqual(pick(detect.find(doc, byId('promotions-email-tips'), withRules)), { found: true, value: false, strategy: 'key' });
});

test('a setting that shares its page with another is never found without its key', () => {
  // LinkedIn renamed one key: the page's other switch must not stand in for it, nor the one unkeyed switch left.
  const doc = fakeDocument((h) => [h('main', {}, '', h('section', {}, '', h('h1', {}, 'LinkedIn promotions'),
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowProfileAndActivityDataForMarketingAdsV2' }, { checked: true })))]);
  assert.deepEqual(detect.find(doc, byId('promotions-marketing'), withRules), { found: false });
  assert.deepEqual(detect.find(doc, byId('promotions-email-tips'), withRules), { found: false });
});

test('the structural fallback does not take another setting\'s switch left over from the previous page', () => {
  // In-app navigation from the AI-training page: its switch is still shown while the URL is already the next page's.
  assert.deepEqual(detect.find(settingsPage({ checked: true }), byId('ads-by-age'), withRules), { found: false });
  const keyed = fakeDocument((h) => [h('main', {}, '', h('h1', {}, 'Gender'),
    h('div', { role: 'switch', 'aria-checked': 'true', 'aria-labelledby': 'allowAdsByGender' }))]);
  assert.deepEqual(detect.find(keyed, byId('ads-by-age'), withRules), { found: false });
});

test('the click goes to the artdeco wrapper that holds the switch alone, else to the switch itself', () => {
  const artdeco = fakeDocument((h) => [h('main', {}, '', h('h1', {}, 'x'),
    h('div', { class: 'artdeco-toggle artdeco-toggle--toggled' }, '',
      h('input', { type: 'checkbox', role: 'switch', id: 'ember1', class: 'artdeco-toggle__button', 'aria-labelledby': 'allowDataForGenerativeAI' }, { checked: true }),
      h('label', { for: 'ember1' }, 'On')))]);
  const found = detect.find(artdeco, setting, withRules);
  assert.equal(found.element.localName, 'input');
  assert.equal(found.target, artdeco.querySelector('.artdeco-toggle'));
  assert.equal(detect.find(settingsPage(), setting, withRules).target.localName, 'input');
  // A wrapper around several switches is not this switch's component.
  const shared = fakeDocument((h) => [h('div', { class: 'artdeco-toggle' }, '',
    h('input', { type: 'checkbox', role: 'switch', 'aria-labelledby': 'allowDataForGenerativeAI' }, { checked: true }),
    h('input', { type: 'checkbox', role: 'switch' }))]);
  assert.equal(detect.find(shared, setting, withRules).target.localName, 'input');
});
