'use strict';
// The toolbar badge: the worst state among the managed settings, as a mark and in words.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');
const { getMessage } = require('./locale');

const { badge } = load('background/badge.js');
const rules = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const helpers = { t: (key, ...subs) => getMessage('en', key, subs.map(String)), ruleText: (rule, part) => rule[part] };
const status = (verdicts, extra = {}) => ({ ...extra, settings: Object.entries(verdicts).map(([setting, verdict]) => ({ setting, verdict })) });

test('AI training On or never checked is a mark; once it is Off, a check', () => {
  assert.equal(badge(status({ 'ai-training': 'on-by-default' }), rules, helpers).text, '!');
  assert.equal(badge(status({}), rules, helpers).text, '?', 'never checked is unknown, never off');
  assert.equal(badge(status({ 'ai-training': 'stale' }), rules, helpers).text, '?');
  assert.equal(badge(status({ 'ai-training': 'maybe' }), rules, helpers).text, '?');
  assert.equal(badge(status({ 'ai-training': 'off' }), rules, helpers).text, '✓');
});

test('another setting read On is as bad as AI training On; one never checked does not count', () => {
  assert.equal(badge(status({ 'ai-training': 'off', 'ads-by-age': 'on' }), rules, helpers).setting, 'ads-by-age');
  assert.equal(badge(status({ 'ai-training': 'off', 'ads-by-age': 'unknown' }), rules, helpers).state, 'off');
});

test('the tooltip says it in words, and that the helper is missing', () => {
  const look = badge(status({ 'ai-training': 'on' }, { helper: 'missing' }), rules, helpers);
  assert.equal(look.title, 'untrain: “Data for Generative AI Improvement” is On\nThe helper isn’t installed: nothing is in an audit trail yet.');
});
