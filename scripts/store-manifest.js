'use strict';
// Prints extension/manifest.json as one store wants it: `node scripts/store-manifest.js chrome|firefox < manifest.json`.
// The source manifest serves both browsers unpacked; each store gets only what its browser reads:
// - Chrome Web Store: no `key` (the store refuses it and signs with its own) and no Firefox settings.
// - addons.mozilla.org: no `key` and no `background.service_worker`, which Firefox ignores.

const store = process.argv[2];
if (store !== 'chrome' && store !== 'firefox') {
  console.error('usage: node scripts/store-manifest.js chrome|firefox < manifest.json');
  process.exit(2);
}
const manifest = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
delete manifest.key;
if (store === 'chrome') {
  delete manifest.browser_specific_settings;
} else {
  delete manifest.background.service_worker;
}
process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
