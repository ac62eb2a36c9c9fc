'use strict';
// The AI-training toggle over every fixture variant, in Chromium: found where it can be told apart, "unknown" (nothing
// logged) where it cannot, and never anything logged from a signed-out page.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: it runs the extension's detector and reads the visit's phase in the content script's world
// (h.can.contentScript), which WebDriver BiDi does not reach (firefox-harness.js).
const scenario = scenarios(module, { browsers: ['chromium'] });

const at = (variant, state) => `${SETTING_PATH}?fixture=${variant}&fixture-state=${state}`;

// Pages where no switch can be told to be the setting's: the visit keeps waiting, and logs nothing.
const UNKNOWN = [
  ['decoys-other-language', 'an unknown language with a second switch'],
  ['error', 'LinkedIn\'s error page'],
  ['unexpected', 'a switch whose state cannot be read, and a second one'],
];

// Pages where it can: [variant, toggle state served, expected detection].
const FOUND = [
  ['index', 'on', { value: true, strategy: 'label' }],
  ['index', 'off', { value: false, strategy: 'label' }],
  ['other-language', 'on', { value: true, strategy: 'only-switch' }],
  ['decoys', 'off', { value: false, strategy: 'label' }],
  ['aria-button', 'on', { value: true, strategy: 'label' }],
  ['keyed', 'off', { value: false, strategy: 'key' }],
];

scenario('the AI-training toggle is found in every variant it can be told apart in, and is unknown in the others', { state: 'on', name: 'detection-ai-training' }, async (h) => {
  const observations = async () => (await h.trail()).length;

  for (const [variant, what] of UNKNOWN) {
    await h.goto(at(variant, 'on'));
    assert.deepEqual(await h.detect('ai-training'), { found: false }, what);
    await h.waitFor(`the banner on ${variant}`, async () => (await h.banner())?.verdict === 'unknown');
    await new Promise((resolve) => setTimeout(resolve, 800));
    assert.equal((await h.contentState()).phase, 'waiting', `${what}: still looking, no guess`);
    assert.equal(await observations(), 0, `${what}: nothing logged`);
  }

  // Signed out: the guest page's only switch is cookie consent; detection alone would take it, the visit must not.
  await h.goto(at('logged-out', 'on'));
  assert.deepEqual(await h.detect('ai-training'), { found: true, value: true, strategy: 'only-switch', id: 'cookie-consent' });
  await h.waitFor('the visit to see the member is signed out', async () => (await h.contentState()).phase === 'signed-out');
  assert.equal(await h.bannerState(), null, 'no banner without a member');
  assert.equal(await h.callout(), null, 'no callout without a member');
  assert.equal(await observations(), 0);
  assert.equal((await h.hostStatus()).settings[0].verdict, 'unknown');

  for (const [variant, state, expected] of FOUND) {
    const before = await observations();
    await h.goto(at(variant, state));
    assert.deepEqual(await h.detect('ai-training'), { found: true, ...expected, id: 'ai-toggle' }, `${variant} ${state}`);
    const event = await h.waitFor(`the observation of ${variant}`, async () => (await h.trail())[before]);
    assert.equal(event.value, expected.value, variant);
    assert.equal(event.setting, 'ai-training');
    assert.equal(event.url, SETTING_URL, 'the setting\'s page as the rules name it, without the query it was opened with');
    const callout = await h.waitFor(`the callout on ${variant}`, async () => (await h.callout())?.step);
    assert.equal(callout, expected.value ? 'on' : 'off', variant);
  }

  // Already off: no button to press, and the way to a full opt-out.
  await h.goto(at('index', 'off'));
  const off = await h.waitFor('the callout for an Off toggle', async () => {
    const c = await h.callout();
    return c?.step === 'off' && c;
  });
  assert.deepEqual(off.buttons.map((b) => b.text), ['×', 'I’ve sent it']);
  assert.match(off.formText, /Data Processing Objection Form/);

  // Closed by the member, the callout stays closed on this visit, even when the state changes and is logged again.
  await h.page.locator('#untrain-callout button.close').click();
  assert.equal(await h.callout(), null);
  const beforeFlip = await observations();
  await h.page.click('#ai-toggle');
  const flipped = await h.waitFor('the member\'s change', async () => (await h.trail())[beforeFlip]);
  assert.deepEqual([flipped.source, flipped.value], ['user-change', true]);
  // The callout, closed, does not give its place to the banner on this page: never both, and no nagging after a close.
  await h.settledBannerState('off');
  assert.equal(await h.bannerState(), null);
  assert.equal(await h.callout(), null);

  // Rendered late: not there at first, found when it shows.
  const before = await observations();
  await h.goto(at('late', 'on'));
  assert.deepEqual(await h.detect('ai-training'), { found: false });
  await h.waitFor('the late toggle', async () => (await h.detect('ai-training')).found, { timeoutMs: 6000 });
  const late = await h.waitFor('its observation', async () => (await h.trail())[before]);
  assert.equal(late.value, true);
  assert.equal(await observations(), before + 1);
});
