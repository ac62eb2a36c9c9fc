'use strict';
// How the browser loads the extension's code: each load order is written once. The background, popup and options
// page are ES modules with one entry each (their imports are the order); the content scripts are classic scripts in
// the manifest's order, which tests/extension/load.js follows too.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { EXTENSION } = require('./load');

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));
const read = (file) => fs.readFileSync(path.join(EXTENSION, file), 'utf8');
const MODULE_SYNTAX = /^\s*(import|export)\b/m;

test('the background is one ES module, Chromium\'s service worker and Firefox\'s background script alike', () => {
  assert.equal(manifest.background.type, 'module');
  assert.deepEqual(manifest.background.scripts, [manifest.background.service_worker]);
});

test('the popup, the options page and the confirmation page each load one ES module', () => {
  for (const page of ['popup/popup.html', 'options/options.html', 'confirm/confirm.html']) {
    const scripts = [...read(page).matchAll(/<script\b([^>]*)>/g)].map((m) => m[1].trim());
    assert.equal(scripts.length, 1, page);
    assert.match(scripts[0], /^type="module" src="[^"]+\.js"$/, page);
  }
});

test('the content scripts are classic scripts: none imports or exports', () => {
  for (const file of manifest.content_scripts.flatMap((entry) => entry.js)) assert.doesNotMatch(read(file), MODULE_SYNTAX, file);
});
