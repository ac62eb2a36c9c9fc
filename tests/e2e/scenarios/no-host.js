'use strict';
// Scenario 3: the native helper is not installed. untrain still reads the setting, shows the banner with the setting's
// state, says the helper is missing in a line of its own (its explainer page one click away), and keeps what it saw.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers; in Firefox the outbox is out of reach (h.can.extensionPages), and the banner is waited for instead.
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

const helperLine = () => {
  const line = document.getElementById('untrain-banner')?.shadowRoot.querySelector('.helper');
  return line && !line.hidden ? line.textContent : null;
};

scenario('without the helper the banner shows the setting\'s state, the helper\'s absence is a line of its own, and what was seen is kept', { host: false, name: 'no-host' }, async (h) => {
  assert.equal(fs.existsSync(h.hostManifest), false, 'no host manifest for this profile');
  await h.goto('/feed/');
  await h.waitFor("the banner to say 'unknown'", async () => (await h.bannerState()) === 'unknown');
  const line = await h.waitFor('the helper line', () => h.evaluate(helperLine));
  assert.match(line, /helper isn.t installed/);
  await h.screenshot('banner-no-host.png');

  // The setting's page: read, shown, kept in this browser, and waiting in the outbox for the helper.
  await h.goto(SETTING_PATH);
  await h.waitFor('the callout to say it is On', async () => (await h.callout())?.step === 'on');
  if (h.can.extensionPages) {
    const outbox = await h.waitFor('the observation to wait in the outbox', async () => {
      const items = await h.outbox();
      return items.length > 0 && items;
    });
    assert.equal(outbox.length, 1);
    assert.equal(outbox[0].observation.value, true);
    assert.equal(outbox[0].observation.source, 'page-load');
  }
  await h.goto('/feed/');
  await h.waitFor("the banner to say it is On by default, from this browser's copy", async () => (await h.banner())?.verdict === 'on-by-default');
  assert.ok(await h.evaluate(helperLine), 'the helper line is still there, under the state');
  assert.equal(fs.existsSync(h.db), false, 'no database without a host');

  // "Dismiss" on the helper's line closes it for good; the setting's banner stays.
  // (A person's click, which only Chromium's harness gives through a locator into the shadow root.)
  if (h.browser === 'chromium') {
    await h.page.locator('#untrain-banner button[data-action="helper-dismiss"]').click();
    await h.waitFor('the helper line to go', async () => (await h.evaluate(helperLine)) === null);
    assert.equal((await h.banner())?.verdict, 'on-by-default');

    // "Remind me later", then the popup's Undo: lifted in this browser, and the popup says that no trail records it.
    await h.page.locator('#untrain-banner button[data-action="snooze"]').click();
    assert.equal(await h.bannerState(), null);
    const popup = await h.openExtensionPage('popup/popup.html');
    const row = popup.locator('li[data-setting="ai-training"]');
    assert.equal(await row.locator('.hold').getAttribute('data-hold'), 'snoozed');
    await row.locator('.hold button.undo').click();
    await h.waitFor('the popup to say the undo holds in this browser only', async () => (await popup.locator('#undo-status').getAttribute('data-result')) === 'kept');
    assert.match(await popup.locator('#undo-status').textContent(), /this browser only.*helper isn.t installed/);
    await h.waitFor('the hold to leave the popup', async () => (await row.locator('.hold').count()) === 0);
    await popup.close();
    await h.goto('/feed/');
    await h.waitFor('the banner back', async () => (await h.banner())?.verdict === 'on-by-default');
  }
});
