'use strict';
// The AI-training page as LinkedIn's published markup draws it (docs/linkedin.md), in Chromium: the keyed switch whose
// state is a property alone, the artdeco component whose wrapper handles the click, French and Spanish labels, a page
// without <main> with a side panel's switch, the rebuilt UI's header, a page no strategy can read (and the member's
// own answer about it); and the promotions page's two switches switched off one at a time. Every row of the trail is
// the setting it names, or there is none.

const assert = require('node:assert/strict');
const { SETTING_PATH, SETTING_URL, RULES } = require('../site');
const { scenarios } = require('../scenario');
const { contrast } = require('../session');

// Chromium only: it runs the extension's detector and reads the visit's phase in the content script's world
// (h.can.contentScript), and clicks inside our callout through Playwright's locators (h.page); the cases Firefox must
// pass too are in linkedin-variants.js.
const scenario = scenarios(module, { browsers: ['chromium'] });

const at = (variant, state) => `${SETTING_PATH}?fixture=${variant}&fixture-state=${state}`;
const PROMOTIONS = '/mypreferences/d/settings/linkedin-promotions';
const rows = async (h) => (await h.trail()).map((e) => [e.setting, e.source, e.value]);

scenario('the keyed switch and the artdeco component are found by key, read from the checked property, and switched off through the wrapper', { state: 'on', name: 'real-markup-artdeco' }, async (h) => {
  await h.goto(at('keyed', 'on'));
  assert.deepEqual(await h.detect('ai-training'), { found: true, value: true, strategy: 'key', id: 'ai-toggle' });
  const attributes = await h.evaluate(() => {
    const toggle = document.getElementById('ai-toggle');
    return { checked: toggle.checked, attributes: ['checked', 'aria-checked'].filter((a) => toggle.hasAttribute(a)) };
  });
  assert.deepEqual(attributes, { checked: true, attributes: [] }, 'On as the property alone, as LinkedIn sets it');
  await h.waitFor('the keyed observation', async () => (await h.trail()).length === 1);

  await h.goto(at('artdeco', 'on'));
  assert.deepEqual(await h.detect('ai-training'), { found: true, value: true, strategy: 'key', id: 'ai-toggle' });
  await h.waitFor('the callout offering to switch it off', async () => (await h.callout())?.step === 'on');
  await h.page.locator('#untrain-callout button.switch-off').click();
  await h.waitFor('the confirmation', async () => (await h.callout())?.step === 'switched-off');
  const component = await h.evaluate(() => ({
    clicks: window.fixtureClicks['ai-toggle'],
    targets: window.fixtureClickTargets,
    checked: document.getElementById('ai-toggle').checked,
    toggled: document.querySelector('.artdeco-toggle').classList.contains('artdeco-toggle--toggled'),
  }));
  assert.deepEqual(component, { clicks: 1, targets: ['wrapper'], checked: false, toggled: false }, 'one click, where the component listens');
  assert.equal(h.server.fixture.state, 'off', 'LinkedIn (the fixture server) saved Off');
  assert.deepEqual(await rows(h), [['ai-training', 'page-load', true], ['ai-training', 'page-load', true], ['ai-training', 'assisted', false]]);
});

scenario('French and Spanish pages are read from their published labels, beside a second switch', { state: 'on', name: 'real-markup-languages' }, async (h) => {
  for (const [variant, state] of [['fr', 'on'], ['es', 'off']]) {
    const before = (await h.trail()).length;
    await h.goto(at(variant, state));
    assert.deepEqual(await h.detect('ai-training'), { found: true, value: state === 'on', strategy: 'label', id: 'ai-toggle' }, variant);
    const event = await h.waitFor(`the ${variant} observation`, async () => (await h.trail())[before]);
    assert.deepEqual([event.setting, event.value, event.account], ['ai-training', state === 'on', 'jane-doe'], variant);
  }
  await new Promise((resolve) => setTimeout(resolve, 800));
  assert.deepEqual(await rows(h), [['ai-training', 'page-load', true], ['ai-training', 'page-load', false]], 'the second switch is never logged');
});

scenario('without <main>, the switch of the region that holds the heading is taken, and the side panel\'s never', { state: 'off', name: 'real-markup-no-main' }, async (h) => {
  await h.goto(at('no-main', 'off'));
  assert.equal(await h.count('main, [role="main"], #global-nav, header'), 0, 'the page has no <main> and no classic header');
  // The label is reworded and the key is gone: only the fallback can find it, and the side panel's switch (On) is beside it.
  assert.deepEqual(await h.detect('ai-training'), { found: true, value: false, strategy: 'only-switch', id: 'ai-toggle' });
  const event = await h.waitFor('the observation', async () => (await h.trail())[0]);
  assert.deepEqual([event.setting, event.value, event.account], ['ai-training', false, 'jane-doe']);
  const callout = await h.waitFor('the callout', async () => {
    const c = await h.callout();
    return c?.step === 'off' && c;
  });
  const toggle = await h.box('#ai-toggle');
  assert.ok(callout.ring.left <= toggle.x && callout.ring.right >= toggle.x + toggle.width && callout.ring.top <= toggle.y
    && callout.ring.bottom >= toggle.y + toggle.height, 'the ring is around the page\'s own switch');

  await h.goto(at('no-main', 'on'));
  await h.waitFor('the second observation', async () => (await h.trail()).length === 2);
  assert.deepEqual(await rows(h), [['ai-training', 'page-load', false], ['ai-training', 'page-load', true]]);
});

scenario('in the rebuilt UI the member is signed in, and is the navigation\'s profile, not one the page shows', { state: 'on', name: 'real-markup-rebuilt' }, async (h) => {
  await h.goto(at('rebuilt', 'on'));
  assert.equal(await h.count('#global-nav, .global-nav, header, main'), 0, 'hashed classes only, no classic header');
  assert.equal(await h.count('a[href^="/in/"]'), 3, 'the member\'s link and two profiles the page shows');
  const event = await h.waitFor('the observation', async () => (await h.trail())[0]);
  assert.deepEqual([event.setting, event.value, event.account], ['ai-training', true, 'jane-doe']);
  // The callout speaks for the page (never the banner too), shown to a signed-in member only.
  await h.waitFor('the callout, shown to a signed-in member', async () => (await h.callout())?.step === 'on');
  assert.equal(await h.bannerState(), null);
});

// Records, in the content script's own world, every observation it sends the background and the answer it gets.
const SPY_ON_OBSERVATIONS = `(() => {
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  const send = runtime.sendMessage.bind(runtime);
  globalThis.sentObservations = [];
  runtime.sendMessage = (message, ...rest) => {
    const answer = send(message, ...rest);
    if (message?.type !== 'observe') return answer;
    const entry = { observation: message.observation, answer: null };
    globalThis.sentObservations.push(entry);
    return answer.then((a) => { entry.answer = a; return a; });
  };
  return true;
})()`;

scenario('a page no strategy can read: the callout says so in place of the banner, and logs the member\'s own answer, from their click alone', { state: 'on', name: 'real-markup-unreadable' }, async (h) => {
  await h.goto(at('unreadable', 'on'));
  assert.deepEqual(await h.detect('ai-training'), { found: false });
  // The content script starts its visit a moment after the page loads: wait for it, then it is still looking.
  await h.waitFor('the visit to start', async () => (await h.contentState())?.setting === 'ai-training');
  assert.deepEqual(await h.contentState().then((s) => [s.setting, s.phase]), ['ai-training', 'waiting']);
  assert.equal(await h.inContentScript(SPY_ON_OBSERVATIONS), true);
  const sent = () => h.inContentScript('globalThis.sentObservations');
  // The visit's wait (20 s) is the extension's own: nothing on the page may shorten it.
  await h.waitFor('the visit to give up', async () => (await h.contentState()).phase === 'unreadable', { timeoutMs: 25000 });

  // The callout, in the corner (no toggle to ring), and the banner say the same, name the switch and link LinkedIn's help.
  const SENTENCE = 'untrain could not read this page; LinkedIn may have changed it.';
  const LOOK_FOR = 'Look for the switch “Use my data for training content creation AI models”.';
  const HELP = RULES.settings.find((s) => s.id === 'ai-training').help[0].url;
  const ANSWERS = ['I checked it myself: it is Off', 'I checked it myself: it is On'];
  const callout = await h.waitFor('the callout to say so', async () => {
    const c = await h.callout();
    return c?.step === 'unreadable' && c;
  });
  assert.deepEqual([callout.text, callout.lookFor, callout.links, callout.ring], [SENTENCE, LOOK_FOR, [HELP], null]);
  assert.deepEqual(callout.buttons.map((b) => b.text), ['×', ...ANSWERS]);
  // The callout replaces the banner on the setting's own page: never both.
  assert.equal(await h.bannerState(), null);
  const links = await h.evaluate(() => ['untrain-callout'].map((id) => {
    const a = document.getElementById(id).shadowRoot.querySelector('a.help');
    return [a.target, a.rel];
  }));
  assert.deepEqual(links, [['_blank', 'noopener noreferrer']], 'a new tab that learns nothing of this page');
  const colours = await h.evaluate(() => ['untrain-callout'].flatMap((id) => {
    const root = document.getElementById(id).shadowRoot;
    const style = (el) => getComputedStyle(el);
    const back = style(root.querySelector(id === 'untrain-banner' ? '.box' : '.panel')).backgroundColor;
    const help = root.querySelector('a.help');
    const solid = (colour) => (colour === 'rgba(0, 0, 0, 0)' ? back : colour);
    return [[style(root.querySelector('.look-for')).color, back], [style(help).color, solid(style(help).backgroundColor)],
      [style(root.querySelector('button.answer')).color, back]];
  }));
  for (const [fg, bg] of colours) assert.ok(contrast(fg, bg) >= 4.5, `contrast ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}`);
  await h.screenshot('unreadable.png');

  // The page's own scripts reach our open shadow roots; their clicks are not the member's answer.
  await h.evaluate(() => {
    document.getElementById('untrain-callout').shadowRoot.querySelector('button.answer[data-value="off"]').click();
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.deepEqual(await sent(), [], 'nothing was sent');
  assert.deepEqual(await h.trail(), [], 'unknown is never logged, let alone as Off');
  assert.deepEqual((await h.callout()).buttons.map((b) => b.text), ['×', ...ANSWERS], 'still asking');

  // The member's own click: one observation, theirs, with what they said.
  const clicked = Date.now();
  await h.page.locator('#untrain-callout button.answer[data-value="off"]').click();
  const [report] = await h.waitFor('the answer to be sent and answered', async () => {
    const all = await sent();
    return all?.length && all[0].answer && all;
  });
  assert.equal((await sent()).length, 1, 'exactly one observation');
  const { time, ...rest } = report.observation;
  assert.deepEqual(rest, { platform: 'linkedin', account: 'jane-doe', setting: 'ai-training', value: false,
    url: SETTING_URL, source: 'member-reported' });
  assert.ok(time >= clicked && time <= Date.now());

  assert.equal(report.answer.result, 'ack');
  assert.deepEqual((await h.trail()).map((e) => [e.setting, e.source, e.value, e.account]), [['ai-training', 'member-reported', false, 'jane-doe']]);
  // The banner follows the host's verdict (off-reported raises none); while it shows, it says the same.
  const confirmed = await h.waitFor('the confirmation, in the callout and any banner', async () => {
    const [c, b] = [await h.callout(), await h.banner()];
    return c?.note && (b === null || b.note) && [c, b].filter(Boolean);
  });
  for (const shown of confirmed) {
    assert.match(shown.note, /^You checked it yourself: “Off”\. Logged as reported by you on .+; untrain did not read it\.$/);
    assert.ok(!shown.buttons.some((b) => ANSWERS.includes(b.text)), 'no longer asking: none after the confirmation');
  }
  const reported = (await h.hostStatus()).settings.find((s) => s.setting === 'ai-training');
  assert.deepEqual([reported.verdict, reported.verified, reported.source], ['off-reported', false, 'member-reported'],
    'the member\'s word is never a verified Off');

  // LinkedIn renders a readable switch later in the same visit: untrain's own reading wins, logged as on a page load.
  await h.evaluate(() => {
    const toggle = document.getElementById('ai-toggle');
    toggle.setAttribute('role', 'switch');
    toggle.setAttribute('aria-checked', 'true');
    toggle.setAttribute('aria-label', 'Use my data for training content creation AI models');
  });
  await h.waitFor('the callout to read it', async () => (await h.callout())?.step === 'on', { timeoutMs: 5000 });
  assert.deepEqual((await sent()).map((s) => [s.observation.source, s.observation.value]), [['member-reported', false], ['page-load', true]]);
  assert.deepEqual((await h.trail()).map((e) => [e.source, e.value]).slice(-1), [['page-load', true]]);
  await h.waitFor('the banner to be the banner again', async () => (await h.banner())?.text !== SENTENCE);
});

scenario('on the promotions page the callout switches off one setting at a time, each logged as itself', { state: 'on', name: 'real-markup-promotions' }, async (h) => {
  await h.goto(PROMOTIONS);
  await h.waitFor('both observations', async () => (await h.trail()).length === 2);
  assert.deepEqual((await rows(h)).sort(), [['promotions-email-tips', 'page-load', true], ['promotions-marketing', 'page-load', true]]);
  const offer = await h.waitFor('the callout for the first On setting', async () => {
    const c = await h.callout();
    return c?.step === 'on' && c;
  });
  assert.match(offer.text, /profile and activity data for marketing/);
  await h.page.locator('#untrain-callout button.switch-off').click();
  await h.waitFor('the confirmation', async () => (await h.callout())?.step === 'switched-off');
  assert.deepEqual(await h.evaluate(() => window.fixtureClicks), { 'marketing-toggle': 1 }, 'only its own switch was clicked, once');
  assert.deepEqual((await rows(h)).at(-1), ['promotions-marketing', 'assisted', false]);

  // Closing the confirmation moves the callout to the page's other On setting.
  await h.page.locator('#untrain-callout button.close').click();
  const next = await h.waitFor('the callout for the other setting', async () => {
    const c = await h.callout();
    return c?.step === 'on' && /tips for using LinkedIn by email/.test(c.text) && c;
  });
  assert.ok(next.buttons.some((b) => b.text === 'Switch it off for me'));
  assert.equal((await h.trail()).length, 3);
});
