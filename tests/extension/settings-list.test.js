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
    { setting: 'ai-training', verdict: 'on-by-default', value: true, last_checked: 1000, source: 'page-load', verified: true, rules_version: '2026-11-28',
      last_verified: { value: true, time: 1000, rules_version: '2026-11-28' } },
    { setting: 'research', verdict: 'off', value: false, last_checked: 2000 }, // from a host that predates member reports
    { setting: 'ads-by-age', verdict: 'stale', value: true, last_checked: 3000 },
    { setting: 'ads-interests', verdict: 'off-reported', value: false, last_checked: 5000, source: 'member-reported', verified: false,
      rules_version: '2026-11-28', last_verified: { value: true, time: 4000, rules_version: '2026-11-20' } },
    { setting: 'ads-by-gender', verdict: 'on-reported', value: true, last_checked: 6000, source: 'member-reported', verified: false,
      rules_version: '2026-11-28', last_verified: null },
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
  assert.equal(by['ai-training'].checked, 'Checked D1000 · read with rules 2026-11-28');
  assert.equal(by.research.checked, 'Checked D2000', 'no rules version from a host that does not say');
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
  assert.equal(form.state, 'Sent on D2026-11-28');
  assert.equal(settingsList.forms(linkedin, { ...status, forms: [] }, helpersFor('en'))[0].state, 'Not marked as sent');
});

test('a member\'s report shows as theirs, never as an Off untrain read, with what untrain last read itself', () => {
  const by = Object.fromEntries(settingsList.rows(linkedin, status, helpersFor('en')).map((r) => [r.id, r]));
  const off = by['ads-interests'];
  assert.deepEqual(off.badge, { kind: 'reported', text: 'Off, as you reported' });
  assert.equal(off.reported, true);
  assert.equal(off.checked, 'Reported by you on D5000, not read by untrain');
  assert.equal(off.detail, 'untrain last read it On on D4000 · read with rules 2026-11-20');
  const on = by['ads-by-gender'];
  assert.deepEqual(on.badge, { kind: 'reported', text: 'On, as you reported' });
  assert.equal(on.detail, 'untrain has never read it');
  assert.equal(by['ai-training'].reported, false);
  assert.equal(by['ai-training'].detail, '');
  assert.equal(by['ai-training'].rulesVersion, '2026-11-28');
});

test('a member\'s report is said to be theirs in every language', () => {
  const expected = { de: 'Aus, laut dir', fr: 'Désactivé, selon vous', es: 'Desactivado, según tú' };
  for (const [lang, badge] of Object.entries(expected)) {
    const row = settingsList.rows(linkedin, status, helpersFor(lang)).find((r) => r.id === 'ads-interests');
    assert.equal(row.badge.text, badge, lang);
    assert.match(row.checked, /D5000/, lang);
    assert.match(row.detail, /D4000.*2026-11-20/, lang);
  }
});

test('the list marks each reported row, and shows what untrain last read beneath it', () => {
  // Just what render() uses of a document.
  const element = () => ({
    dataset: {}, children: [], attributes: {},
    append(...children) { this.children.push(...children); },
    replaceChildren(...children) { this.children = children; },
    setAttribute(name, value) { this.attributes[name] = value; },
  });
  const doc = { createElement: element };
  const container = element();
  const helpers = helpersFor('en');
  settingsList.render(doc, container, settingsList.groups(settingsList.rows(linkedin, status, helpers), helpers), helpers);
  const list = { children: container.children.flatMap((group) => group.children.find((c) => c.className === 'settings-list').children) };
  const item = list.children.find((li) => li.dataset.setting === 'ads-interests');
  assert.equal(item.dataset.reported, 'true');
  assert.equal(item.children.find((c) => c.className === 'detail').textContent, 'untrain last read it On on D4000 · read with rules 2026-11-20');
  const read = list.children.find((li) => li.dataset.setting === 'ai-training');
  assert.equal(read.dataset.reported, 'false');
  assert.equal(read.children.some((c) => c.className === 'detail'), false, 'a reading needs no second line');
});
