'use strict';
// How a switch's name is matched to a setting's label texts: loosely enough for LinkedIn's small wording changes
// between releases (docs/linkedin.md, "Published label texts"), never so loosely that another setting's words match.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { readLocale, LOCALES } = require('./locale');

const { labels } = load('content/labels.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const labelled = linkedin.settings.filter((s) => s.find.some((step) => step.strategy === 'label'));
const textsOf = (setting) => setting.find.filter((step) => step.strategy === 'label').flatMap((step) => step.texts);
const ai = linkedin.settings.find((s) => s.id === 'ai-training');

test('the AI-training label is known in English, German, French and Spanish, as published', () => {
  const texts = textsOf(ai);
  for (const published of [
    'Use my data for training content creation AI models',
    'Ihre Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen',
    'Utiliser mes données pour entraîner des modèles d’IA de création de contenu',
    'Usar mis datos para entrenar modelos de IA que crean contenido',
    'Usar mis datos para entrenar modelos de IA de generación de contenido',
  ]) assert.ok(labels.saysAny(published, texts), published);
});

test('small wording changes still match: des/les, my/your, Ihre/Meine, apostrophes, accents, case and spacing', () => {
  const texts = textsOf(ai);
  for (const variant of [
    'Utiliser mes données pour entraîner les modèles d’IA de création de contenu',
    "Utiliser mes donnees pour entrainer des modeles d'IA de creation de contenu",
    'Use your data for training content creation AI models',
    '  USE my data for\n training content-creation AI models ',
    'Usar mis datos para entrenar los modelos de IA de generación de contenido',
    'Meine Daten zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen',
  ]) assert.ok(labels.saysAny(variant, texts), variant);
});

test('a name that says more than the label, such as "(beta)" or a description, still matches', () => {
  assert.ok(labels.says('Use my data for training content creation AI models (beta). Learn more', 'Use my data for training content creation AI models'));
});

test('a name that adds a negation is not the label', () => {
  for (const name of ['Don\'t use my data for training content creation AI models', 'Never use my data for training content creation AI models',
    'Ihre Daten nicht zum Schulen von KI-Modellen verwenden, um Inhalte zu erstellen', 'Ne pas utiliser mes données pour entraîner des modèles d’IA de création de contenu']) {
    assert.equal(labels.saysAny(name, textsOf(ai)), false, name);
  }
});

test('the same words in another order, or with one missing, are not the label', () => {
  assert.equal(labels.says('Use content creation AI models for training my data', 'Use my data for training content creation AI models'), false);
  assert.equal(labels.says('Use my data for training AI models', 'Use my data for training content creation AI models'), false);
});

test('no other setting\'s title or explanation, in any language untrain speaks, says a setting\'s label', () => {
  const others = [];
  for (const setting of linkedin.settings) {
    const locales = LOCALES.filter((l) => l !== 'en').map(readLocale);
    for (const part of ['title', 'explanation']) {
      others.push([setting.id, setting[part]]);
      for (const messages of locales) others.push([setting.id, messages[`rule_${setting.id.replaceAll('-', '_')}_${part}`]?.message ?? '']);
    }
  }
  assert.ok(labelled.length > 0);
  for (const setting of labelled) {
    for (const [id, text] of others.filter(([id]) => id !== setting.id)) {
      assert.equal(labels.saysAny(text, textsOf(setting)), false, `${id}: ${text}`);
    }
  }
});

test('switches that sit beside the AI-training one on LinkedIn-like pages are not it', () => {
  for (const name of ['Show me a preview of AI-written posts', 'Email me a weekly digest', 'Accept optional cookies',
    'Usa i miei dati per addestrare modelli di IA per la creazione di contenuti', 'Data for Generative AI Improvement']) {
    assert.equal(labels.saysAny(name, textsOf(ai)), false, name);
  }
});

test('an empty name or an empty text matches nothing', () => {
  assert.equal(labels.says('', 'Use my data'), false);
  assert.equal(labels.says('Use my data', ''), false);
  assert.equal(labels.says('the of', 'the of'), false, 'function words alone say nothing');
});
