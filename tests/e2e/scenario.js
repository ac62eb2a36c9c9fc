'use strict';
// How a scenario file (scenarios/<name>.js) declares its scenarios and the browsers they run in: run.test.js runs
// them, and CMakeLists.txt reads the file's `browsers: [...]` line to register one ctest per browser.

const KNOWN = ['chromium', 'firefox'];

/**
 * Declares `module` a scenario file running in `browsers`, and returns `scenario(title, options, body)`, which adds a
 * scenario run in one fresh session started with `options` (see the harnesses' launch) and given to `body` as `h`.
 * `scenario.standalone(title, { timeout }, body)` adds one whose body gets the browser (browsers.js) and starts its
 * own sessions, or none.
 */
function scenarios(module, { browsers }) {
  const unknown = browsers.filter((b) => !KNOWN.includes(b));
  if (unknown.length > 0 || browsers.length === 0) throw new Error(`${module.filename}: browsers must be some of ${KNOWN.join(', ')}`);
  const list = [];
  module.exports = { browsers, scenarios: list };
  const scenario = (title, options, body) => list.push({ title, run: (browser) => browser.session(options, body) });
  scenario.standalone = (title, { timeout } = {}, body) => list.push({ title, timeout, run: body });
  return scenario;
}

module.exports = { scenarios };
