'use strict';
// Every text untrain shows exists in English, German, French and Spanish, with the same placeholders.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { EXTENSION, load } = require('./load');
const { readLocale, getMessage, useLocale, LOCALES } = require('./locale');

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
const rules = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const en = readLocale('en');
const placeholders = (entry) => (entry.message.match(/\$[a-z]+\$/gi) ?? []).map((p) => p.toLowerCase()).sort();

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_locales' ? [] : sources(full);
    return /\.(js|html)$/.test(entry.name) ? [full] : [];
  });
}

test('the extension ships English, German, French and Spanish, English being the default', () => {
  assert.deepEqual(LOCALES, ['de', 'en', 'es', 'fr']);
  assert.equal(manifest.default_locale, 'en');
  assert.equal(manifest.name, '__MSG_extName__');
  assert.equal(manifest.description, '__MSG_extDescription__');
});

for (const lang of ['de', 'fr', 'es']) {
  test(`${lang}: every English message is translated, with the same placeholders`, () => {
    const other = readLocale(lang);
    for (const [key, entry] of Object.entries(en)) {
      assert.ok(other[key], `${lang} lacks ${key}`);
      assert.deepEqual(placeholders(other[key]), placeholders(entry), `${lang} ${key}`);
      assert.deepEqual(Object.keys(other[key].placeholders ?? {}).sort(), Object.keys(entry.placeholders ?? {}).sort(), `${lang} ${key}`);
    }
  });

  // A short title (the helper's summaries and report: "AI training: Off since …") is translated where the rules give one.
  const parts = (rule) => ['title', 'explanation', ...(rule.short_title ? ['short_title'] : [])];
  test(`${lang}: every setting and form of the rules has a translated title and explanation, and short title if any`, () => {
    const other = readLocale(lang);
    for (const rule of [...rules.settings, ...rules.forms]) {
      for (const part of parts(rule)) {
        const key = `rule_${rule.id.replaceAll('-', '_')}_${part}`;
        assert.ok(other[key]?.message, `${lang} lacks ${key}`);
      }
    }
    const known = new Set([...rules.settings, ...rules.forms].flatMap((r) => parts(r).map((p) => `rule_${r.id.replaceAll('-', '_')}_${p}`)));
    for (const key of Object.keys(other).filter((k) => k.startsWith('rule_'))) assert.ok(known.has(key), `${lang} ${key} names no rule`);
  });
}

test('English titles and explanations come from the rules file alone, not a second copy', () => {
  assert.deepEqual(Object.keys(en).filter((k) => k.startsWith('rule_')), []);
  useLocale('en');
  const { i18n } = load('shared/i18n.js');
  assert.equal(i18n.ruleText(rules.settings[0], 'title'), rules.settings[0].title);
  useLocale('de');
  assert.equal(i18n.ruleText(rules.settings[0], 'title'), 'Daten zur Verbesserung generativer KI');
});

test('every message the code and pages ask for exists in English', () => {
  const used = new Set();
  for (const file of sources(EXTENSION)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/data-i18n="([A-Za-z0-9_]+)"/g)) used.add(m[1]);
    for (const m of text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(m[1]);
    for (const m of text.matchAll(/'((?:banner|callout|popup|badge|options)[A-Z][A-Za-z0-9]*)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 40, `found ${used.size} message names in the code`);
  for (const key of used) assert.ok(en[key], `no English message ${key}`);
});

test('every English message is used somewhere', () => {
  const code = [...sources(EXTENSION), path.join(EXTENSION, 'manifest.json')].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  for (const key of Object.keys(en)) assert.ok(code.includes(key), `${key} is never used`);
});

test('placeholders are filled as the browser fills them', () => {
  assert.equal(getMessage('en', 'bannerStale', ['45']), 'untrain last checked whether LinkedIn may train its AI on your data over 45 days ago. Open the setting to check again.');
  assert.equal(getMessage('de', 'popupChecked', ['28.11.2026']), 'Geprüft am 28.11.2026');
  assert.equal(getMessage('es', 'calloutDone', ['14:05:09']), 'Desactivado. untrain lo registró a las 14:05:09.');
});
