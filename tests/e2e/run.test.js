'use strict';
// Runs the end-to-end scenarios (scenarios/*.js) under node --test, each in the browsers it declares: only the pair
// named by UNTRAIN_E2E_SCENARIO and UNTRAIN_E2E_BROWSER when they are set (ctest runs one pair per test), else all.

const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const browsers = require('./browsers');

const DIR = path.join(__dirname, 'scenarios');
const only = { scenario: process.env.UNTRAIN_E2E_SCENARIO, browser: process.env.UNTRAIN_E2E_BROWSER };

const names = only.scenario ? [only.scenario]
  : fs.readdirSync(DIR).filter((f) => f.endsWith('.js')).map((f) => path.basename(f, '.js')).sort();
for (const name of names) {
  const declared = require(path.join(DIR, `${name}.js`));
  if (only.browser && !declared.browsers.includes(only.browser)) {
    throw new Error(`scenarios/${name}.js runs in ${declared.browsers.join(' and ')}, not ${only.browser}`);
  }
  for (const browser of (only.browser ? [only.browser] : declared.browsers).map((b) => browsers[b])) {
    for (const { title, timeout, run } of declared.scenarios) {
      test(`${browser.name}: ${title}`, { timeout: timeout ?? browser.timeout }, () => run(browser));
    }
  }
}
