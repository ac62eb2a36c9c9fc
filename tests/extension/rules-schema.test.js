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
    const pages = rules.settings.map((s) => s.page);
    assert.equal(new Set(pages).size, pages.length, 'one setting per page, so a page never reports two settings');
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

test('LinkedIn: the label strategy carries the AI-training label in English, German, French and Spanish', () => {
  const label = linkedin().settings[0].find.find((s) => s.strategy === 'label');
  assert.equal(label.texts.length, 4);
});

test('LinkedIn: region notes are dated, and none after 2025-11-03 calls EU members exempt', () => {
  for (const setting of linkedin().settings) {
    for (const region of setting.regions ?? []) {
      assert.ok(!Number.isNaN(Date.parse(region.since)), `${setting.id}: ${region.since} is a date`);
      if (region.since >= '2025-11-03') assert.doesNotMatch(region.note, /\b(exempt|excluded|left out)\b/i, setting.id);
    }
  }
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
