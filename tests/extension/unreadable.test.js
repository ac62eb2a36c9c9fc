'use strict';
// What untrain says when it cannot read a setting's switch, in the banner and the callout alike: the sentence, the
// switch to look for in LinkedIn's words, LinkedIn's own help page, and the member's answer, taken only from their
// own click and offered until it is logged.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { getMessage, useLocale } = require('./locale');
const { fakeDocument } = require('./fake-dom');

useLocale('en');
const { unreadable, i18n } = load('content/unreadable.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const ai = linkedin.settings.find((s) => s.id === 'ai-training');
const ads = linkedin.settings.find((s) => s.id === 'ads-by-age');
const helpers = (lang = 'en') => ({
  t: (key, ...subs) => getMessage(lang, key, subs.map(String)),
  ruleText: (rule, part) => getMessage(lang, i18n.keyOf(rule.id, part)) || rule[part],
  formatDate: (ms) => `D${ms}`,
});

test('the sentence says plainly that untrain could not read the page, and why it may be', () => {
  const view = unreadable.model({ setting: ai, lang: 'en' }, helpers());
  assert.equal(view.text, 'untrain could not read this page; LinkedIn may have changed it.');
  assert.equal(unreadable.model({ setting: ai }, helpers('de')).text, 'untrain konnte diese Seite nicht lesen; LinkedIn hat sie vielleicht geändert.');
});

test('the switch to look for is named as LinkedIn labels it in the page\'s language', () => {
  const lookFor = (lang, h = helpers()) => unreadable.model({ setting: ai, lang }, h).lookFor;
  assert.equal(lookFor('en'), 'Look for the switch “Use my data for training content creation AI models”.');
  assert.equal(unreadable.switchName(ai, 'de-DE', helpers().ruleText), 'Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen');
  assert.equal(unreadable.switchName(ai, 'FR', helpers().ruleText), 'Utiliser mes données pour entraîner des modèles d’IA de création de contenu');
  assert.equal(unreadable.switchName(ai, 'es', helpers().ruleText), 'Usar mis datos para entrenar modelos de IA que crean contenido');
  // The member reads German while LinkedIn shows its page in German: both say the same switch.
  assert.equal(lookFor('de', helpers('de')), 'Suche den Schalter „Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen“.');
});

test('without a label for the page\'s language, or any label, the switch is named by the setting\'s title', () => {
  assert.equal(unreadable.switchName(ai, 'it', helpers().ruleText), 'Data for Generative AI Improvement');
  assert.equal(unreadable.switchName(ai, null, helpers('de').ruleText), 'Daten zur Verbesserung generativer KI');
  assert.equal(unreadable.switchName(ads, 'en', helpers().ruleText), ads.title);
});

test('the help link is the rule\'s first LinkedIn Help page; a setting without one gets none', () => {
  assert.deepEqual(unreadable.model({ setting: ai, lang: 'en' }, helpers()).help,
    { url: 'https://www.linkedin.com/help/linkedin/answer/a6278444', label: 'LinkedIn’s help on this setting (new tab)' });
  assert.equal(unreadable.model({ setting: ads, lang: 'en' }, helpers()).help, null);
});

test('the member is offered "it is Off" and "it is On" until their answer is logged or kept for the helper', () => {
  const answers = (report) => unreadable.model({ setting: ai, lang: 'en', report }, helpers()).answers;
  assert.deepEqual(answers(null), [
    { value: false, label: 'I checked it myself: it is Off', disabled: false },
    { value: true, label: 'I checked it myself: it is On', disabled: false },
  ]);
  assert.ok(answers({ state: 'sending', value: false }).every((a) => a.disabled), 'while it is on its way');
  assert.equal(answers({ state: 'logged', value: false, at: 5 }), null);
  assert.equal(answers({ state: 'queued', value: true }), null);
  assert.equal(answers({ state: 'failed', value: false }).length, 2, 'an answer that was not taken may be given again');
});

test('once logged, it says it was the member\'s answer, when, and that untrain did not read it', () => {
  const note = (report, lang = 'en') => unreadable.model({ setting: ai, lang, report }, helpers(lang)).note;
  assert.equal(note({ state: 'logged', value: false, at: 42 }), 'You checked it yourself: “Off”. Logged as reported by you on D42; untrain did not read it.');
  assert.match(note({ state: 'logged', value: true, at: 42 }), /“On”/);
  assert.match(note({ state: 'queued', value: false }), /as soon as its helper answers; untrain did not read it/);
  assert.match(note({ state: 'failed', value: false }), /could not log your answer/);
  assert.match(note({ state: 'logged', value: false, at: 42 }, 'fr'), /« Désactivé »\. Enregistré comme signalé par vous le D42/);
  assert.equal(note(null), '');
});

function drawn(view) {
  const doc = fakeDocument(() => []);
  const answered = [];
  const parts = unreadable.parts(doc, view, { answer: (value) => answered.push(value) });
  doc.body.append(...parts);  // on screen, where the member can click them
  const all = parts.flatMap((p) => [p, ...p.descendants()]);
  const button = (value) => all.find((e) => e.localName === 'button' && e.dataset.value === value);
  return { parts, all, answered, button };
}

test('drawn: the switch to look for, the help link in a tab that learns nothing of this page, and the two answers', () => {
  const { parts, all, button } = drawn(unreadable.model({ setting: ai, lang: 'en' }, helpers()));
  assert.equal(parts[0].textContent, 'Look for the switch “Use my data for training content creation AI models”.');
  const link = all.find((e) => e.localName === 'a');
  assert.deepEqual([link.href, link.target, link.rel], ['https://www.linkedin.com/help/linkedin/answer/a6278444', '_blank', 'noopener noreferrer']);
  assert.equal(button('off').textContent, 'I checked it myself: it is Off');
  assert.equal(button('on').type, 'button');
});

test('a page script\'s click on an answer does nothing; the member\'s click answers once, with what they said', () => {
  const { answered, button } = drawn(unreadable.model({ setting: ai, lang: 'en' }, helpers()));
  const untrusted = button('off').fire('click', { isTrusted: false });
  assert.deepEqual(answered, []);
  assert.equal(untrusted.defaultPrevented, true);
  button('off').fire('click', { isTrusted: true });
  assert.deepEqual(answered, [false]);
  button('on').fire('click', { isTrusted: true });
  assert.deepEqual(answered, [false, true], 'one answer per click: refusing a second is the visit\'s (visit.test.js)');
});

test('an answer made transparent, or laid under a decoy, does not answer even for the member\'s own click', () => {
  const { answered, button, parts } = drawn(unreadable.model({ setting: ai, lang: 'en' }, helpers()));
  parts[1].style.opacity = '0.1';
  assert.equal(button('off').fire('click', { isTrusted: true }).defaultPrevented, true);
  parts[1].style.opacity = '1';
  button('off').ownerDocument.covering = parts[0];
  button('off').fire('click', { isTrusted: true });
  assert.deepEqual(answered, []);
});

test('drawn once logged: the note, announced to screen readers, and no answer to press', () => {
  const { all } = drawn(unreadable.model({ setting: ai, lang: 'en', report: { state: 'logged', value: false, at: 1 } }, helpers()));
  assert.equal(all.filter((e) => e.localName === 'button').length, 0);
  const note = all.find((e) => e.className === 'note');
  assert.equal(note.getAttribute('role'), 'status');
  assert.match(note.textContent, /Logged as reported by you/);
});
