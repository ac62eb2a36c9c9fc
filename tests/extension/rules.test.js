'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const { rules } = load('content/rules.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const PAGE = '/mypreferences/d/settings/data-for-ai-improvement';

const ids = (settings) => settings.map((s) => s.id);

test('the AI-training page is recognised by its exact path', () => {
  assert.deepEqual(ids(rules.settingsForPath(linkedin, PAGE)), ['ai-training']);
});

test('the promotions page holds two settings, in the rules\' order', () => {
  assert.deepEqual(ids(rules.settingsForPath(linkedin, '/mypreferences/d/settings/linkedin-promotions/')), ['promotions-marketing', 'promotions-email-tips']);
});

test('a trailing slash, a query or a fragment does not hide the page', () => {
  for (const variant of [`${PAGE}/`, `${PAGE}//`, `${PAGE}?trk=settings`, `${PAGE}/?lipi=abc#top`, `${PAGE}#x`]) {
    assert.deepEqual(ids(rules.settingsForPath(linkedin, variant)), ['ai-training'], variant);
  }
});

test('other pages, including the wrong URL some guides give, are no setting page', () => {
  for (const other of ['/', '/feed/', '/mypreferences/d/settings', '/mypreferences/d/settings/data-for-generative-ai-improvement',
    `${PAGE}-extra`, `/in/jane-doe${PAGE}`]) {
    assert.deepEqual(rules.settingsForPath(linkedin, other), [], other);
  }
});

test('paths are normalised without their trailing slashes, the root staying /', () => {
  assert.equal(rules.normalizePath('/feed/'), '/feed');
  assert.equal(rules.normalizePath('/'), '/');
  assert.equal(rules.normalizePath(''), '/');
  assert.equal(rules.normalizePath('/a/b?c=/d/'), '/a/b');
});

test('every setting in the rules file has a page path and at least one find strategy', () => {
  for (const setting of linkedin.settings) {
    assert.match(setting.page, /^\/[^?#]*[^/?#]$/, setting.id);
    assert.ok(setting.find.length > 0, setting.id);
  }
});
