'use strict';
// The popup lists every setting of the rules with its state, its last check and the rules version that read it, says
// when a value is the member's own report, and marks the objection form sent; with every group unfolded it scrolls
// vertically inside 600 px at 400 px wide, never sideways; the options page's snooze length reaches the banner's
// "Remind me later".

const assert = require('node:assert/strict');
const { RULES: rules, SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Chromium only: the popup and the options page are extension pages (h.can.extensionPages), which puppeteer cannot
// open in Firefox (firefox-harness.js).
const scenario = scenarios(module, { browsers: ['chromium'] });

const DAY = 24 * 60 * 60 * 1000;

scenario('the popup lists every setting with its badge, and the options change how long a snooze lasts', { state: 'on', name: 'popup' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the AI-training observation', async () => (await h.trail()).length === 1);
  await h.goto('/mypreferences/d/settings/ads-by-age?fixture-state=off');
  await h.waitFor('the ads-by-age observation', async () => (await h.trail()).length === 2);

  const popup = await h.openExtensionPage('popup/popup.html');
  const rows = await popup.evaluate(() => [...document.querySelectorAll('#settings-list li')].map((li) => ({
    id: li.dataset.setting,
    title: li.querySelector('.title').textContent,
    badge: li.querySelector('.badge').textContent,
    checked: li.querySelector('.checked').textContent,
    href: li.querySelector('a.open').href,
  })));
  assert.deepEqual(rows.map((r) => r.id), rules.settings.map((s) => s.id), 'every setting of the rules, in order');
  const by = Object.fromEntries(rows.map((r) => [r.id, r]));
  assert.equal(by['ai-training'].title, 'Data for Generative AI Improvement');
  assert.equal(by['ai-training'].badge, 'On by default');
  assert.match(by['ai-training'].checked, new RegExp(`^Checked .* · read with rules ${rules.version}$`));
  assert.equal(by['ads-by-age'].badge, 'Off');
  assert.equal(by.cookies.badge, 'Not checked yet');
  assert.match(by.cookies.checked, /^Never checked/);
  for (const setting of rules.settings) assert.equal(by[setting.id].href, rules.origin + setting.page);
  assert.equal(await popup.locator('#popup-message').isHidden(), true, 'no problem to report');
  await h.screenshot('popup.png', popup);

  // Every group unfolded by the member's clicks: more than 600 px of content, shown in at most 600 px that scroll
  // vertically. The window is left taller than that, so the page itself must keep within 600 px.
  const tall = await h.openExtensionPage('popup/popup.html', { width: 400, height: 900 });
  const folded = await tall.locator('details.group:not([open])').evaluateAll((groups) => groups.map((g) => g.dataset.group));
  assert.ok(folded.length > 0, 'some groups start folded');
  for (const group of folded) await tall.locator(`details.group[data-group="${group}"] > summary`).click();
  assert.equal(await tall.locator('details.group:not([open])').count(), 0, 'every group unfolded');
  const size = await tall.evaluate(() => {
    const main = document.querySelector('main');
    return { page: Math.ceil(document.body.getBoundingClientRect().height), pageWidth: document.documentElement.scrollWidth, content: main.scrollHeight,
      shown: main.clientHeight, contentWidth: main.scrollWidth, shownWidth: main.clientWidth, overflowY: getComputedStyle(main).overflowY };
  });
  console.error(`popup at 400 px wide, every group unfolded: ${size.content} px of content shown in ${size.page} px, scrolling vertically`);
  assert.ok(size.page <= 600, `the popup is ${size.page} px tall`);
  assert.ok(size.pageWidth <= 400, `the popup is ${size.pageWidth} px wide`);
  assert.ok(size.content > size.shown, 'taller than 600 px unfolded: it scrolls');
  assert.equal(size.overflowY, 'auto');
  assert.ok(size.contentWidth <= size.shownWidth, `no horizontal scroll (${size.contentWidth} px in ${size.shownWidth} px)`);
  await tall.locator('#export button[data-format="csv"]').scrollIntoViewIfNeeded();
  const last = await tall.locator('#export button[data-format="csv"]').boundingBox();
  assert.ok(last.y + last.height <= 600 && last.x + last.width <= 400, 'the last button is reached by scrolling');
  await h.screenshot('popup-unfolded.png', tall);
  await tall.close();

  // The objection form, marked sent from the popup with today's date.
  assert.equal(await popup.locator('.form .state').textContent(), 'Not marked as sent');
  await popup.locator('.form button.mark').click();
  await h.waitFor('the popup to show the date', async () => /^Sent on [A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(await popup.locator('.form .state').textContent()));
  const [form] = (await h.events()).filter((e) => e.kind === 'form');
  assert.equal(form.source, 'popup');
  assert.equal(form.account, 'jane-doe');
  // One date format, the browser's language's (en-US here).
  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(`${form.detail.sent_on}T12:00:00`));
  assert.equal(await popup.locator('.form .state').textContent(), `Sent on ${day}`);

  // The member's own answer ("I checked it myself: it is Off"), sent as the content script sends it: the popup says it
  // is theirs, never an Off untrain read.
  const answer = await popup.evaluate((observation) => chrome.runtime.sendMessage({ type: 'observe', observation }), {
    platform: 'linkedin', account: 'jane-doe', setting: 'cookies', value: false, url: `${rules.origin}/mypreferences/d/settings/cookies`,
    time: Date.now(), source: 'member-reported',
  });
  assert.equal(answer.result, 'ack');
  const reported = (await h.events()).find((e) => e.source === 'member-reported');
  assert.equal(reported.setting, 'cookies');
  await popup.reload();
  await h.waitFor('the popup to show the report', async () => (await popup.locator('li[data-setting="cookies"]').getAttribute('data-reported')) === 'true');
  const cookies = popup.locator('li[data-setting="cookies"]');
  assert.equal(await cookies.locator('.badge').textContent(), 'Off, as you reported');
  assert.match(await cookies.locator('.checked').textContent(), /^Reported by you on .*, not read by untrain$/);
  assert.equal(await cookies.locator('.detail').textContent(), 'untrain has never read it');
  await h.screenshot('popup-reported.png', popup);
  await popup.close();

  // Options: "Remind me later" for 7 days.
  const options = await h.openExtensionPage('options/options.html', { width: 600, height: 500 });
  await options.locator('input[name="snoozeDays"][value="7"]').check();
  await h.waitFor('the options to be saved', async () => (await options.locator('#saved').textContent()) === 'Saved.');
  await options.close();
  await h.goto('/feed/');
  await h.waitFor('the banner', async () => (await h.banner())?.verdict === 'on-by-default');
  const asked = Date.now();
  await h.page.locator('#untrain-banner button[data-action="snooze"]').click();
  const snooze = await h.waitFor('the snooze', async () => (await h.events()).find((e) => e.action === 'snoozed'));
  assert.ok(Math.abs(snooze.detail.until - (asked + 7 * DAY)) < 5000, `snoozed for 7 days (until ${snooze.detail.until})`);
});
