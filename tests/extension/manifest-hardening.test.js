'use strict';
// What the extension asks of the browser and what its code never does with page text (docs/security.md): checked on the
// files themselves, so that a later change that widens them fails here first.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { EXTENSION } = require('./load');

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8'));

function scripts(dir = EXTENSION) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

test('the extension asks only for native messaging and storage, and host access to www.linkedin.com only; notifications only if the member wants them', () => {
  assert.deepEqual([...manifest.permissions].sort(), ['nativeMessaging', 'storage']);
  assert.deepEqual(manifest.host_permissions, ['https://www.linkedin.com/*']);
  assert.deepEqual(manifest.optional_permissions, ['notifications']);
  assert.equal(manifest.optional_host_permissions, undefined);
  for (const script of manifest.content_scripts) assert.deepEqual(script.matches, ['https://www.linkedin.com/*']);
});

test('no web page or other extension can reach it: no externally_connectable, no web-accessible resources, the default CSP', () => {
  assert.equal(manifest.externally_connectable, undefined);
  assert.equal(manifest.web_accessible_resources, undefined);
  assert.equal(manifest.content_security_policy, undefined);
});

test('no script sets HTML from text, evaluates code, or listens to window messages', () => {
  const forbidden = [
    /\.innerHTML\s*[+]?=/, /\.outerHTML\s*[+]?=/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new\s+Function\s*\(/,
    /addEventListener\(\s*['"]message['"]/, /\bonmessage\s*=/, /runtime\.onMessageExternal/, /runtime\.onConnectExternal/,
    /setTimeout\(\s*['"`]/, /import\s*\(/,
  ];
  const files = scripts();
  assert.ok(files.length > 10, 'the extension\'s scripts were found');
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of forbidden) assert.doesNotMatch(text, pattern, `${path.relative(EXTENSION, file)} matches ${pattern}`);
  }
});

test('no page loads a remote script', () => {
  for (const page of ['popup/popup.html', 'options/options.html']) {
    const html = fs.readFileSync(path.join(EXTENSION, page), 'utf8');
    for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) assert.doesNotMatch(src, /^(https?:)?\/\//, `${page} loads ${src}`);
  }
});

test('no key appears twice in one object of the manifest (JSON.parse would silently keep the last)', () => {
  const text = fs.readFileSync(path.join(EXTENSION, 'manifest.json'), 'utf8');
  // A tiny scanner over the JSON text: one set of keys per open object.
  const stack = [];
  const duplicates = [];
  for (const token of text.matchAll(/"(?:[^"\\]|\\.)*"\s*:|[{}]/g)) {
    if (token[0] === '{') stack.push(new Set());
    else if (token[0] === '}') stack.pop();
    else {
      const key = JSON.parse(token[0].replace(/\s*:$/, ''));
      if (stack.at(-1).has(key)) duplicates.push(key);
      stack.at(-1).add(key);
    }
  }
  assert.deepEqual(duplicates, []);
});
