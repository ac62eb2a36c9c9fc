'use strict';
// The platforms table (shared/platforms.js) agrees with each rules file and with the manifest, so the background, the
// popup and the content scripts all name a platform as its rules file does.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const { PLATFORMS } = load('shared/platforms.js');
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
const rulesOf = (platform) => JSON.parse(fs.readFileSync(path.join(EXTENSION, PLATFORMS[platform].rules), 'utf8'));

test('each platform is named as its rules file names itself, and its pages are that file\'s origin', () => {
  assert.ok(Object.keys(PLATFORMS).length >= 1);
  for (const platform of Object.keys(PLATFORMS)) {
    assert.equal(rulesOf(platform).platform, platform);
    assert.equal(PLATFORMS[platform].pages, `${rulesOf(platform).origin}/`);
  }
});

test('every rules file in extension/rules is a platform of the table', () => {
  const files = fs.readdirSync(path.join(EXTENSION, 'rules')).filter((name) => name.endsWith('.json') && name !== 'schema.json');
  assert.deepEqual(files.map((name) => `rules/${name}`).sort(), Object.values(PLATFORMS).map((p) => p.rules).sort());
});

test('the content scripts run on the platforms\' pages and nowhere else', () => {
  const pages = Object.values(PLATFORMS).map((p) => `${p.pages}*`).sort();
  assert.deepEqual(manifest.content_scripts.flatMap((entry) => entry.matches).sort(), pages);
  assert.deepEqual([...manifest.host_permissions].sort(), pages);
});
