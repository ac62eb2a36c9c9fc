'use strict';
// What the callout on a setting's page says at each step of the assisted switch-off (its DOM is checked in Chromium).

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { getMessage, useLocale } = require('./locale');

useLocale('en');
const { callout, i18n } = load('content/callout.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const ai = linkedin.settings.find((s) => s.id === 'ai-training');
const ads = linkedin.settings.find((s) => s.id === 'ads-by-age');
const form = linkedin.forms[0];
const t = (key, ...subs) => getMessage('en', key, subs.map(String));
const helpers = { t, ruleText: i18n.ruleText, formatTime: (ms) => `T${ms}` };

test('a switch that is On gets its explanation and the one button "Switch it off for me"', () => {
  const view = callout.model({ step: 'on', setting: ai, form }, helpers);
  assert.equal(view.text, '“Data for Generative AI Improvement” is On.');
  assert.equal(view.detail, ai.explanation);
  assert.deepEqual(view.button, { label: 'Switch it off for me', disabled: false });
  assert.equal(view.form, null, 'the form comes after the switch is off');
});

test('while switching, the button is disabled', () => {
  assert.equal(callout.model({ step: 'working', setting: ai }, helpers).button.disabled, true);
});

test('after success: the time it was logged, and a pointer to the objection form', () => {
  const view = callout.model({ step: 'switched-off', setting: ai, recorded: 42, form }, helpers);
  assert.equal(view.text, 'Switched off. untrain logged it at T42.');
  assert.equal(view.button, null);
  assert.equal(view.form.url, 'https://www.linkedin.com/help/linkedin/ask/TS-DPRO');
  assert.match(view.form.text, /Data Processing Objection Form/);
  assert.equal(view.form.mark, 'I’ve sent it');
});

test('after success without the helper: switched off, to be logged once it is installed', () => {
  assert.equal(callout.model({ step: 'switched-off', setting: ai, recorded: null, form }, helpers).text, t('calloutDoneQueued'));
});

test('a form already marked sent shows its date instead of the button', () => {
  const view = callout.model({ step: 'off', setting: ai, form, formSentOn: '2026-11-28' }, helpers);
  assert.equal(view.form.text, 'You marked the objection form as sent on 2026-11-28.');
  assert.equal(view.form.mark, null);
});

test('LinkedIn refusing the change is said plainly, with a way to try again', () => {
  const view = callout.model({ step: 'not-accepted', setting: ai, form }, helpers);
  assert.match(view.text, /did not accept/);
  assert.equal(view.button.label, 'Try again');
  assert.equal(view.form, null);
});

test('settings without a form get no form pointer', () => {
  assert.equal(callout.model({ step: 'switched-off', setting: ads, recorded: 1, form: null }, helpers).form, null);
});

test('a toggle that was not found is unknown, with no button to press', () => {
  const view = callout.model({ step: 'not-found', setting: ads }, helpers);
  assert.match(view.text, /could not find/);
  assert.equal(view.button, null);
  assert.equal(callout.model({ step: 'something-else', setting: ads }, helpers).step, 'not-found');
});

test('an unreadable toggle: the panel says what unreadable.js says, beside no toggle; without it, the toggle is not found', () => {
  const said = { text: t('unreadableText'), lookFor: 'Look for the switch “…”.', help: null, answers: [], note: '' };
  const view = callout.model({ step: 'unreadable', setting: ai, form, unreadable: said }, helpers);
  assert.equal(view.step, 'unreadable');
  assert.equal(view.text, 'untrain could not read this page; LinkedIn may have changed it.');
  assert.equal(view.unreadable, said);
  assert.equal(view.button, null, 'nothing of ours to click on LinkedIn\'s page');
  assert.equal(view.form, null);
  assert.equal(callout.model({ step: 'unreadable', setting: ai }, helpers).step, 'not-found');
});
