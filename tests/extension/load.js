'use strict';
// Loads an extension file into this Node process the way the browser does, so no test writes a load order of its own.
// - A content script (classic, listed in the manifest's content_scripts) comes after every script listed before it,
//   as in the page; it adds its module to globalThis.untrain, which is returned.
// - Any other file is an ES module (the background, popup and options pages): Node's require() loads it with its
//   imports and returns its exports.

const path = require('node:path');

const EXTENSION = path.resolve(__dirname, '../../extension');
const CONTENT_SCRIPTS = require(path.join(EXTENSION, 'manifest.json')).content_scripts.flatMap((entry) => entry.js);

function load(file) {
  const position = CONTENT_SCRIPTS.indexOf(file);
  if (position === -1) return require(path.join(EXTENSION, file));
  for (const script of CONTENT_SCRIPTS.slice(0, position + 1)) require(path.join(EXTENSION, script));
  return globalThis.untrain;
}

module.exports = { load, EXTENSION };
