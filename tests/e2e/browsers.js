'use strict';
// The browsers the end-to-end scenarios run in, behind one interface: `{ chromium, firefox }`, each able to start a
// session in which a scenario drives the real extension and the real host against the fixture site.
//
// A session (what a scenario's body gets as `h`) offers the same methods in both browsers:
//   browser ('chromium' | 'firefox'), can ({ contentScript, extensionPages }: what the harness can reach, below),
//   page (the driver's own page object: Playwright's in Chromium, puppeteer's in Firefox; only for Chromium-only
//   scenarios), server (the fixture server: `fixture.state`, `.requests`, `.accept`), db, tmp, logs,
//   hostManifest (where the host's manifest goes for this profile)
//   goto(path), url(), click(selector), isChecked(selector), box(selector) ({x, y, width, height}),
//   count(selector), evaluate(fn, arg): the page, through the driver, as a person's clicks reach it
//   bannerState(), banner(), callout(): our elements as the page shows them (null when absent)
//   settledBannerState(expected): waits until the content script has decided the banner, and returns its state
//   trail(), events(), hostStatus(), installHost(): the host's side, through the host binary
//   screenshot(file), waitFor(what, fn, options), close(failed)
// and, where `can` says so (elsewhere they throw and say why):
//   can.contentScript: inContentScript(expression), detect(settingId), contentState(): the content script's own world
//   can.extensionPages: openExtensionPage(file, viewport), outbox(): the extension's pages and storage
// harness.js (Chromium) and firefox-harness.js (Firefox) implement it; the latter says why Firefox cannot do more.

const { withSession } = require('./session');

// Loaded on first use, so that a Firefox run does not load Playwright and a Chromium run does not load puppeteer.
function browser(name, harness, timeout) {
  const load = () => require(harness);
  return {
    name,
    /** node:test's limit for one scenario: Firefox starts more slowly, and BiDi round trips cost more. */
    timeout,
    get can() {
      return load().can;
    },
    launch: (options) => load().launch(options),
    /** Runs `body` in a fresh session (browser, fixture server, database), closed afterwards; see session.js. */
    session: (options, body) => withSession(load().launch, options, body),
  };
}

module.exports = {
  chromium: browser('chromium', './harness', 60000),
  firefox: browser('firefox', './firefox-harness', 90000),
};
