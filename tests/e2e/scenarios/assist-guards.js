'use strict';
// What the assisted switch-off must never do: act on a page script's click, or claim success LinkedIn did not give.
// Run in German, so the member's language is checked in the real browser too.

const assert = require('node:assert/strict');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: it runs in German, and the Firefox harness does not set Firefox's UI language;
// it also clicks inside our shadow roots through Playwright's locators (h.page).
const scenario = scenarios(module, { browsers: ['chromium'] });

scenario('a page script cannot press our buttons, and a change LinkedIn refuses is reported as not accepted', { state: 'on', name: 'assist-guards', locale: 'de' }, async (h) => {
  await h.goto(SETTING_PATH);
  const offer = await h.waitFor('the callout', async () => {
    const c = await h.callout();
    return c?.step === 'on' && c;
  });
  assert.match(offer.text, /„Daten zur Verbesserung generativer KI“ ist eingeschaltet\./);
  assert.ok(offer.buttons.some((b) => b.text === 'Für mich ausschalten'));
  assert.equal(await h.bannerState(), null, 'the callout speaks for the page, not the banner too');

  // The page's own scripts reach our open shadow roots; their clicks are not the member's (isTrusted is false).
  await h.page.evaluate(() => {
    const callout = document.getElementById('untrain-callout').shadowRoot;
    callout.querySelector('button.switch-off').click();
    callout.querySelector('button.close').click();
    window.postMessage({ type: 'nudge', action: 'dismissed' }, '*');
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await h.page.evaluate(() => window.fixtureClicks['ai-toggle'] ?? 0), 0, 'the toggle was not clicked');
  assert.equal((await h.callout()).step, 'on');
  assert.notEqual(await h.callout(), null, 'the callout was not closed');
  const events = await h.events();
  assert.deepEqual(events.filter((e) => e.kind === 'observation').map((e) => e.source), ['page-load']);
  assert.deepEqual(events.filter((e) => e.kind === 'nudge' && e.action !== 'shown'), [], 'no click, snooze or dismissal was logged');

  // LinkedIn's server refuses the change: its page puts the toggle back, and untrain says so.
  h.server.fixture.accept = false;
  await h.page.locator('#untrain-callout button.switch-off').click();
  const refused = await h.waitFor('the outcome', async () => {
    const c = await h.callout();
    return c?.step === 'not-accepted' && c;
  }, { timeoutMs: 10000 });
  assert.match(refused.text, /LinkedIn hat die Änderung nicht übernommen/);
  assert.ok(refused.buttons.some((b) => b.text === 'Noch einmal versuchen'));
  assert.equal(await h.page.evaluate(() => window.fixtureClicks['ai-toggle']), 1, 'one click, no retry without the member');
  assert.equal(await h.page.isChecked('#ai-toggle'), true);
  const trail = await h.trail();
  assert.deepEqual(trail.map((e) => [e.source, e.value]), [['page-load', true], ['assisted', true]], 'the outcome is logged: still On');
  assert.equal((await h.hostStatus()).settings[0].verdict, 'on-by-default');
});
