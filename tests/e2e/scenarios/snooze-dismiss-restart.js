'use strict';
// "Dismiss" and "Remind me later" are kept by the host: they hold in a new browser profile on the same database
// (a restart, or another browser), and a dismissal ends when the setting's state changes. The popup's "Undo" is kept
// by the host too: the reminder is back in the next profile, and the trail keeps both the snooze and its undo.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only, for now: it clicks the banner's buttons through Playwright's locators (h.page), which reach into our
// shadow root.
const scenario = scenarios(module, { browsers: ['chromium'] });

const DAY = 24 * 60 * 60 * 1000;

scenario.standalone('dismiss and snooze hold across browser restarts; a dismissal ends when the state changes', { timeout: 60000 }, async (browser) => {
  // One browser session on the shared database: a fresh profile each time, so only the host can remember anything.
  const session = (db, name, body) => browser.session({ state: 'on', name, db }, body);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'untrain-restart-'));
  const db = path.join(dir, 'untrain.db');
  try {
    await session(db, 'restart-1', async (h) => {
      await h.goto('/feed/');
      await h.waitFor("the banner to say 'unknown'", async () => (await h.banner())?.verdict === 'unknown');
      await h.page.locator('#untrain-banner button[data-action="dismiss"]').click();
      assert.equal(await h.bannerState(), null, 'the banner goes at once');
      await h.waitFor('the dismissal in the log', async () => (await h.events()).some((e) => e.action === 'dismissed'));
      const [dismissal] = (await h.events()).filter((e) => e.action === 'dismissed');
      assert.equal(dismissal.source, 'banner');
      assert.equal(dismissal.setting, 'ai-training');
      assert.equal(dismissal.account, 'jane-doe');
      assert.deepEqual(dismissal.detail, { verdict: 'unknown' });
    });

    await session(db, 'restart-2', async (h) => {
      await h.goto('/feed/');
      assert.equal(await h.settledBannerState('off'), 'off', 'still dismissed after the restart');
      assert.equal(await h.bannerState(), null);

      // The first observation changes the state: the dismissal of "unknown" no longer holds.
      await h.goto(SETTING_PATH);
      await h.waitFor('the observation', async () => (await h.trail()).length > 0);
      // On the setting's page the callout speaks; the banner is back on the next page.
      await h.goto('/feed/');
      await h.waitFor('the banner back, saying on-by-default', async () => (await h.banner())?.verdict === 'on-by-default');
      const asked = Date.now();
      await h.page.locator('#untrain-banner button[data-action="snooze"]').click();
      assert.equal(await h.bannerState(), null);
      const snooze = await h.waitFor('the snooze in the log', async () => (await h.events()).find((e) => e.action === 'snoozed'));
      assert.equal(snooze.detail.verdict, 'on-by-default');
      assert.ok(Math.abs(snooze.detail.until - (asked + DAY)) < 5000, 'Remind me later: one day by default');
    });

    await session(db, 'restart-3', async (h) => {
      await h.goto('/feed/');
      assert.equal(await h.settledBannerState('off'), 'off', 'still snoozed after the restart');
      assert.equal(await h.bannerState(), null);
      const status = await h.hostStatus();
      assert.equal(status.settings[0].verdict, 'on-by-default');
      assert.ok(status.settings[0].nudge.snoozed_until > Date.now());
      assert.equal((await h.events()).filter((e) => e.kind === 'nudge' && e.action === 'shown' && e.source === 'banner').length, 2,
        'a banner held back is not logged as shown');

      // The popup shows the snooze with its Undo; the member's click is recorded by the helper.
      const popup = await h.openExtensionPage('popup/popup.html');
      const row = popup.locator('li[data-setting="ai-training"]');
      assert.equal(await row.locator('.hold').getAttribute('data-hold'), 'snoozed');
      await row.locator('.hold button.undo').click();
      const undone = await h.waitFor('the undo in the log', async () => (await h.events()).find((e) => e.action === 'undone'));
      assert.equal(undone.kind, 'nudge');
      assert.equal(undone.source, 'popup');
      assert.equal(undone.setting, 'ai-training');
      assert.equal(undone.account, 'jane-doe');
      assert.deepEqual(undone.detail, { verdict: 'on-by-default' });
      await h.waitFor('the hold to leave the popup', async () => (await row.locator('.hold').count()) === 0);
      assert.equal(await popup.locator('#undo-status').getAttribute('data-result'), 'ack');
      assert.equal(await popup.locator('#undo-status').textContent(), '', 'nothing to explain when the helper took it');
      await popup.close();
    });

    await session(db, 'restart-4', async (h) => {
      await h.goto('/feed/');
      await h.waitFor('the banner back in a fresh profile after the undo', async () => (await h.banner())?.verdict === 'on-by-default');
      const status = await h.hostStatus();
      assert.deepEqual(status.settings[0].nudge, { snoozed_until: null, dismissed: false });
      const actions = (await h.events()).filter((e) => e.kind === 'nudge' && e.action !== 'shown').map((e) => e.action);
      assert.deepEqual(actions, ['dismissed', 'snoozed', 'undone'], 'the trail keeps what was undone, and the undo');
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
