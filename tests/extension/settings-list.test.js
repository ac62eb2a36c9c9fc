'use strict';
// The popup's list: every setting of the rules with its badge, last check and page.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { getMessage, useLocale } = require('./locale');

const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const helpersFor = (lang) => {
  useLocale(lang);
  const { i18n } = load('shared/i18n.js');
  return { t: (key, ...subs) => getMessage(lang, key, subs.map(String)), ruleText: i18n.ruleText, formatDate: (ms) => `D${ms}` };
};
const settingsList = load('popup/settings-list.js');

const status = {
  state: 'on', verdict: 'on-by-default', setting: 'ai-training',
  settings: [
    { setting: 'ai-training', verdict: 'on-by-default', value: true, last_checked: 1000 },
    { setting: 'research', verdict: 'off', value: false, last_checked: 2000 },
    { setting: 'ads-by-age', verdict: 'stale', value: true, last_checked: 3000 },
  ],
  forms: [{ form: 'objection-form', sent_on: '2026-11-28' }],
};

test('every setting of the rules is listed, in the rules\' order, each with a link to its page', () => {
  const rows = settingsList.rows(linkedin, status, helpersFor('en'));
  assert.deepEqual(rows.map((r) => r.id), linkedin.settings.map((s) => s.id));
  for (const [i, row] of rows.entries()) assert.equal(row.href, `https://www.linkedin.com${linkedin.settings[i].page}`);
});

test('badges follow the verdicts; a setting the host has not seen is unknown, never off', () => {
  const rows = settingsList.rows(linkedin, status, helpersFor('en'));
  const by = Object.fromEntries(rows.map((r) => [r.id, r]));
  assert.deepEqual(by['ai-training'].badge, { kind: 'on', text: 'On by default' });
  assert.deepEqual(by.research.badge, { kind: 'off', text: 'Off' });
  assert.deepEqual(by['ads-by-age'].badge, { kind: 'unknown', text: 'Not checked lately' });
  assert.deepEqual(by.cookies.badge, { kind: 'unknown', text: 'Not checked yet' });
  assert.equal(by['ai-training'].checked, 'Checked D1000');
  assert.match(by.cookies.checked, /^Never checked/);
});

test('without an answer from the host every setting is listed as unknown', () => {
  const rows = settingsList.rows(linkedin, null, helpersFor('en'));
  assert.equal(rows.length, linkedin.settings.length);
  assert.ok(rows.every((r) => r.verdict === 'unknown'));
});

test('titles and badges come in the member\'s language', () => {
  const rows = settingsList.rows(linkedin, status, helpersFor('fr'));
  assert.equal(rows[0].title, 'Données pour l’amélioration de l’IA générative');
  assert.equal(rows[0].badge.text, 'Activé par défaut');
  assert.equal(rows[0].openLabel, 'Ouvrir « Données pour l’amélioration de l’IA générative » sur LinkedIn');
});

test('the objection form is listed with the date it was marked sent', () => {
  const [form] = settingsList.forms(linkedin, status, helpersFor('en'));
  assert.equal(form.id, 'objection-form');
  assert.equal(form.url, 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
  assert.equal(form.state, 'Sent on 2026-11-28');
  assert.equal(settingsList.forms(linkedin, { ...status, forms: [] }, helpersFor('en'))[0].state, 'Not marked as sent');
});
