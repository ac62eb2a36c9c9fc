'use strict';
// Loads extension scripts into this Node process the way the browser does: each attaches one module to globalThis.untrain.

const path = require('node:path');

const EXTENSION = path.resolve(__dirname, '../../extension');

function load(...files) {
  for (const file of files) require(path.join(EXTENSION, file));
  return globalThis.untrain;
}

module.exports = { load, EXTENSION };
