'use strict';
// The page is not the member: a page script that makes our buttons transparent over a decoy, buries them in its own
// styles or slips something over them at the moment of the click harvests nothing, though the clicks are a person's;
// its synthetic clicks on LinkedIn's toggle log no user-change; and content scripts cannot reach the outbox.

const assert = require('node:assert/strict');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: it clicks at points through Playwright's mouse (h.page), reaches the content script's own world over
// CDP, and storage.local's access level is Chromium's alone (extension/background/storage.js).
const scenario = scenarios(module, { browsers: ['chromium'] });

scenario('a person\'s click on our buttons acts only when they are visible and on top; the page\'s clicks log nothing', { state: 'on', name: 'page-is-not-member' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the callout', async () => (await h.callout())?.step === 'on');
  // On the setting's page the callout speaks, not the banner: its × stands for a second button of ours.
  assert.equal(await h.bannerState(), null);
  await h.waitFor('the page-load observation', async () => (await h.trail()).length === 1);
  const centre = async (selector) => {
    const box = await h.page.locator(selector).boundingBox();
    return [box.x + box.width / 2, box.y + box.height / 2];
  };
  const switchOff = await centre('#untrain-callout button.switch-off');
  const dismiss = await centre('#untrain-callout button.close');
  const noNudges = async () => (await h.events()).filter((e) => e.kind === 'nudge' && e.action !== 'shown');

  // Transparent over a decoy: the member means the decoy; the click reaches our button.
  await h.page.evaluate(() => {
    const decoy = Object.assign(document.createElement('button'), { textContent: 'Claim your prize', id: 'decoy' });
    decoy.style.cssText = 'position: fixed; inset: 0; z-index: 1; font-size: 40px';
    document.body.append(decoy);
    document.getElementById('untrain-callout').style.opacity = '0';
  });
  await h.page.mouse.click(...switchOff);
  await h.page.mouse.click(...dismiss);

  // Restyled from inside our open shadow root, and an overlay slipped over the button as the click arrives.
  await h.page.evaluate(() => {
    // (A banner already dismissed by the harvested click is gone: the assertions below say so.)
    document.getElementById('untrain-callout')?.style.removeProperty('opacity');
    const style = document.createElement('style');
    style.id = 'restyle';
    style.textContent = '.panel { opacity: 0.05 }';
    document.getElementById('untrain-callout')?.shadowRoot.append(style);
  });
  await h.page.mouse.click(...switchOff);
  await h.page.evaluate(() => {
    document.getElementById('untrain-callout')?.shadowRoot.getElementById('restyle')?.remove();
    window.addEventListener('click', () => {
      const cover = Object.assign(document.createElement('div'), { id: 'cover' });
      cover.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647';
      document.body.append(cover);
    }, { capture: true, once: true });
  });
  await h.page.mouse.click(...dismiss);
  await h.page.evaluate(() => document.getElementById('cover')?.remove());

  // LinkedIn's toggle, flipped by the page's own synthetic clicks, many times.
  await h.page.evaluate(async () => {
    const toggle = document.getElementById('ai-toggle');
    for (let i = 0; i < 100; i += 1) toggle.click();
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  assert.equal(await h.page.evaluate(() => window.fixtureClicks['ai-toggle'] ?? 0), 100, 'only the page\'s own clicks');
  assert.notEqual(await h.callout(), null, 'the callout was not closed');
  assert.equal((await h.callout()).step, 'on', 'nothing was switched off for the member');
  assert.deepEqual(await noNudges(), [], 'no click, snooze or dismissal was logged');
  assert.deepEqual((await h.trail()).map((e) => e.source), ['page-load'], 'no user-change for the page\'s clicks');

  // Content scripts cannot read or write the outbox: the background restricted storage.local.
  await h.inContentScript(`(() => {
    globalThis.storageProbe = 'pending';
    try {
      chrome.storage.local.get('outbox').then(() => { globalThis.storageProbe = 'readable'; }, () => { globalThis.storageProbe = 'refused'; });
    } catch {
      globalThis.storageProbe = 'refused';
    }
  })()`);
  assert.equal(await h.waitFor('the storage probe', async () => {
    const probe = await h.inContentScript('globalThis.storageProbe');
    return probe !== 'pending' && probe;
  }), 'refused');

  // All as drawn again, the member's own click acts at once.
  await h.page.evaluate(() => document.getElementById('decoy').remove());
  await h.page.mouse.click(...switchOff);
  await h.waitFor('the switch-off', async () => (await noNudges()).some((e) => e.action === 'clicked'));
  await h.page.mouse.click(...dismiss);
  await h.waitFor('the callout to close', async () => (await h.callout()) === null);
  assert.equal(await h.bannerState(), null, 'never both');
});
