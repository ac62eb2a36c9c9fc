'use strict';
// ESLint for every JavaScript file in the tree (ctest "lint: eslint"): the recommended rules, which the code passes as
// it is, with each file's kind and globals: extension code in the browser, tests, benchmarks and scripts under Node.

const js = require('@eslint/js');
const globals = require('globals');
const manifest = require('./extension/manifest.json');

// Content scripts are classic scripts (the manifest's list); every other extension file is an ES module.
const contentScripts = manifest.content_scripts.flatMap((entry) => entry.js).map((file) => `extension/${file}`);
const browser = { ...globals.browser, ...globals.webextensions };

module.exports = [
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'tests/e2e/artifacts/**'] },
  js.configs.recommended,
  {
    files: ['extension/**/*.js'],
    languageOptions: { sourceType: 'module', globals: browser },
  },
  {
    files: contentScripts,
    languageOptions: { sourceType: 'script' },
  },
  {
    files: ['tests/**/*.js', 'bench/**/*.js', 'scripts/**/*.js', 'eslint.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    // The end-to-end tests and the content-script benchmark hand functions to pages, extension pages and the service
    // worker (page.evaluate), where they run with the browser's globals.
    files: ['tests/e2e/**/*.js', 'bench/content_cost.js'],
    languageOptions: { globals: { ...globals.node, ...browser } },
  },
  {
    // Page fixtures served as www.linkedin.com in the end-to-end tests.
    files: ['tests/fixtures/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
];
