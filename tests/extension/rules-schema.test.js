'use strict';
// Every rules file is valid against extension/rules/schema.json, and the schema itself catches the mistakes it exists for.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const Ajv = require('ajv');
const { EXTENSION } = require('./load');

const RULES = path.join(EXTENSION, 'rules');
const schema = JSON.parse(fs.readFileSync(path.join(RULES, 'schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
const ruleFiles = fs.readdirSync(RULES).filter((f) => f.endsWith('.json') && f !== 'schema.json');
const linkedin = () => JSON.parse(fs.readFileSync(path.join(RULES, 'linkedin.json'), 'utf8'));

const errors = () => JSON.stringify(validate.errors, null, 1);

test('there is a rules file for LinkedIn', () => {
  assert.ok(ruleFiles.includes('linkedin.json'));
});

for (const file of ruleFiles) {
  test(`${file} is valid against the rules schema`, () => {
    const rules = JSON.parse(fs.readFileSync(path.join(RULES, file), 'utf8'));
    assert.ok(validate(rules), errors());
    assert.equal(file, `${rules.platform}.json`, 'a rules file is named after its platform');
  });

  test(`${file}: ids are unique and every form reference resolves both ways`, () => {
    const rules = JSON.parse(fs.readFileSync(path.join(RULES, file), 'utf8'));
    const ids = rules.settings.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length, 'setting ids are unique');
    const forms = new Map((rules.forms ?? []).map((f) => [f.id, f]));
    for (const setting of rules.settings) {
      for (const form of setting.forms ?? []) {
        assert.ok(forms.has(form), `${setting.id} names form ${form}`);
        assert.ok(forms.get(form).settings.includes(setting.id), `${form} lists ${setting.id} back`);
      }
    }
    for (const form of forms.values()) for (const id of form.settings) assert.ok(ids.includes(id), `${form.id} names setting ${id}`);
  });

  test(`${file}: settings that share a page are each found by their own key alone, never by label or fallback`, () => {
    const rules = JSON.parse(fs.readFileSync(path.join(RULES, file), 'utf8'));
    for (const setting of rules.settings) {
      const neighbours = rules.settings.filter((s) => s.page === setting.page && s.id !== setting.id);
      if (!neighbours.length) continue;
      assert.deepEqual(setting.find.map((step) => step.strategy), ['key'], setting.id);
      const theirs = neighbours.flatMap((s) => s.find.flatMap((step) => step.keys ?? []));
      for (const key of setting.find[0].keys) assert.ok(!theirs.includes(key), `${setting.id}: ${key} is its own`);
    }
  });

  test(`${file}: no key names two things: each setting's keys and the unmanaged keys are distinct`, () => {
    const rules = JSON.parse(fs.readFileSync(path.join(RULES, file), 'utf8'));
    const keys = [...rules.settings.flatMap((s) => s.find.flatMap((step) => step.keys ?? [])), ...(rules.unmanaged_keys ?? []).map((k) => k.key)];
    assert.equal(new Set(keys).size, keys.length, keys.join(', '));
  });
}

test('LinkedIn: the AI-training toggle, the objection form and at least six data-sharing and advertising settings', () => {
  const rules = linkedin();
  const ai = rules.settings.find((s) => s.id === 'ai-training');
  assert.equal(ai.page, '/mypreferences/d/settings/data-for-ai-improvement');
  assert.equal(ai.banner, true);
  assert.equal(ai.severity, 'high');
  assert.deepEqual(ai.forms, ['objection-form']);
  const form = rules.forms.find((f) => f.id === 'objection-form');
  assert.equal(form.url, 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
  const sharing = rules.settings.filter((s) => s.category === 'advertising' || s.category === 'research' || s.category === 'cookies');
  assert.ok(sharing.length >= 6, `${sharing.length} data-sharing and advertising settings`);
  assert.deepEqual(rules.settings.filter((s) => s.banner).map((s) => s.id), ['ai-training'], 'only AI training raises the banner');
});

test('LinkedIn: AI training is found by its key first, then by its label in English, German, French and Spanish, then by the fallback', () => {
  const ai = linkedin().settings.find((s) => s.id === 'ai-training');
  assert.deepEqual(ai.find.map((s) => s.strategy), ['key', 'label', 'only-switch']);
  assert.deepEqual(ai.find[0].keys, ['allowDataForGenerativeAI']);
  // The published texts (docs/linkedin.md): one each in English, German and French, Spanish in two wordings.
  assert.equal(ai.find[1].texts.length, 5);
  // The one untrain names when it cannot read the page, in each language of LinkedIn's pages.
  assert.deepEqual(Object.keys(ai.find[1].by_language).sort(), ['de', 'en', 'es', 'fr']);
});

for (const file of ruleFiles) {
  test(`${file}: a label named for a page language is one of the texts the detector looks for`, () => {
    const rules = JSON.parse(fs.readFileSync(path.join(RULES, file), 'utf8'));
    for (const step of rules.settings.flatMap((s) => s.find).filter((s) => s.strategy === 'label')) {
      for (const [lang, text] of Object.entries(step.by_language ?? {})) assert.ok(step.texts.includes(text), `${lang}: ${text}`);
    }
  });
}

test('LinkedIn: every switch Brave\'s list names is a setting, found by that key on that page', () => {
  const brave = {
    '/mypreferences/d/settings/data-for-ai-improvement': ['allowDataForGenerativeAI'],
    '/mypreferences/d/settings/policy-and-academic-research': ['allowAnonymizedDataResearch'],
    '/mypreferences/d/settings/linkedin-promotions': ['allowProfileAndActivityDataForMarketingAds', 'tipsForUsingLinkedinViaEmail'],
    '/mypreferences/d/settings/share-data-with-select-partners': ['shareDataWithTrustedPartners'],
    '/mypreferences/d/settings/ads-by-age': ['allowAdsByAge'],
    '/mypreferences/d/settings/ads-by-gender': ['allowAdsByGender'],
    '/mypreferences/d/settings/ads-beyond-linkedin': ['allowLinkedInAudienceNetwork'],
    '/mypreferences/d/settings/ads-interactions-with-business': ['allowUseOfThirdPartyData'],
    '/mypreferences/d/settings/ads-related-actions': ['allowConversionTrackings'],
    '/mypreferences/d/member-cookies': ['nonEssentialCookieConsent'],
    '/mypreferences/d/settings/ads-inferred-location': ['allowIpToPersonalizeAds'],
    '/mypreferences/d/interest-categories': ['adsPrivacyAllowInterestsAndBehaviors'],
  };
  const rules = linkedin();
  for (const [page, keys] of Object.entries(brave)) {
    const found = rules.settings.filter((s) => s.page === page).map((s) => s.find.find((step) => step.strategy === 'key')?.keys[0]);
    assert.deepEqual(found, keys, page);
  }
  assert.equal(rules.settings.length, Object.values(brave).flat().length);
});

test('LinkedIn: the Ads beyond LinkedIn note points at the Data sharing setting, which carries the 2025-11-03 opt-out', () => {
  const rules = linkedin();
  const ads = rules.settings.find((s) => s.id === 'ads-beyond-linkedin');
  const sharing = rules.settings.find((s) => s.id === 'data-sharing');
  assert.match(ads.regions[0].note, new RegExp(sharing.title));
  assert.equal(sharing.regions[0].since, '2025-11-03');
  assert.equal(sharing.default_value, true);
  assert.ok(sharing.help.some((h) => h.url.endsWith('/a1397243')));
});

test('the schema refuses an unmanaged key without a note, and a category it does not know', () => {
  const noNote = linkedin();
  noNote.unmanaged_keys = [{ key: 'someKey' }];
  assert.equal(validate(noNote), false);
  const category = linkedin();
  category.settings[0].category = 'misc';
  assert.equal(validate(category), false);
});

test('LinkedIn: region notes are dated, and none after 2025-11-03 calls EU members exempt', () => {
  for (const setting of linkedin().settings) {
    for (const region of setting.regions ?? []) {
      assert.ok(!Number.isNaN(Date.parse(region.since)), `${setting.id}: ${region.since} is a date`);
      if (region.since >= '2025-11-03') assert.doesNotMatch(region.note, /\b(exempt|excluded|left out)\b/i, setting.id);
    }
  }
});

test('a rules file states its licence, the project\'s: the schema refuses one without it or under another', () => {
  assert.equal(linkedin().license, 'Apache-2.0');
  const none = linkedin();
  delete none.license;
  assert.equal(validate(none), false);
  const other = linkedin();
  other.license = 'MIT';
  assert.equal(validate(other), false);
});

test('the schema refuses a setting without a private value', () => {
  const rules = linkedin();
  delete rules.settings[0].private_value;
  assert.equal(validate(rules), false);
});

test('the schema refuses an unknown find strategy, and a key strategy without keys', () => {
  const unknown = linkedin();
  unknown.settings[0].find.push({ strategy: 'xpath', path: '//input' });
  assert.equal(validate(unknown), false);
  const noKeys = linkedin();
  noKeys.settings[1].find[0] = { strategy: 'key' };
  assert.equal(validate(noKeys), false);
});

test('the schema refuses a page with a query or a trailing slash, and misspelt fields', () => {
  for (const page of ['/feed/', '/mypreferences/d/settings/x?trk=1', 'mypreferences/d/settings/x']) {
    const rules = linkedin();
    rules.settings[0].page = page;
    assert.equal(validate(rules), false, page);
  }
  const typo = linkedin();
  typo.settings[0].privat_value = false;
  assert.equal(validate(typo), false);
});

test('the schema refuses a form link that is not https', () => {
  const rules = linkedin();
  rules.forms[0].url = 'http://www.linkedin.com/help/linkedin/ask/TS-DPRO';
  assert.equal(validate(rules), false);
});
