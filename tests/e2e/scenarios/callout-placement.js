'use strict';
// The callout never covers LinkedIn's switch, its label or its "Learn more" link, at any window from 360 px wide and at
// 200 % zoom: it sits beside, below or above, or becomes a compact bar; the member's own click on the switch reaches
// it. On the setting's page the callout speaks instead of the banner; Escape closes it; a skip link reaches it first.

const assert = require('node:assert/strict');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');
const { docsScreenshot, axe } = require('../session');

// Both browsers: Chromium sets window sizes and zoom through Playwright and the DevTools protocol, Firefox through
// puppeteer's WebDriver BiDi viewport (browsingContext.setViewport, with its device pixel ratio for the zoom). The
// rest goes through the page's own realm (h.evaluate), the real mouse and keyboard, which both drivers offer alike.
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

const SIZES = [
  { width: 1280, height: 800 }, { width: 1024, height: 640 }, { width: 800, height: 600 }, { width: 360, height: 740 },
  // 200 % zoom of a 1280×800 window: half the CSS pixels, each drawn twice as large.
  { width: 640, height: 400, zoom: 2 },
];
const overlaps = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** Sets the window to a size (and zoom), in the driver's own way; reset() goes back to 1280×800 at 100 %. */
async function windowOf(h) {
  if (h.browser === 'firefox') {
    return {
      set: ({ width, height, zoom = 1 }) => h.page.setViewport({ width, height, deviceScaleFactor: zoom }),
      reset: () => h.page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 }),
    };
  }
  const cdp = await h.context.newCDPSession(h.page);
  return {
    async set({ width, height, zoom = 1 }) {
      await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: zoom, mobile: false });
      await h.page.setViewportSize({ width, height });
    },
    async reset() {
      await cdp.send('Emulation.clearDeviceMetricsOverride');
      await h.page.setViewportSize({ width: 1280, height: 800 });
    },
  };
}

scenario('at every window size and at 200 % zoom the callout leaves the switch, its label and Learn more clear, and a real click reaches the switch', { state: 'on', name: 'callout-placement' }, async (h) => {
  const view = await windowOf(h);
  const placements = [];
  for (const size of SIZES) {
    await view.set(size);
    await h.goto(`${SETTING_PATH}?fixture-state=on`);
    await h.evaluate(() => document.getElementById('ai-toggle').scrollIntoView({ block: 'center', inline: 'center' }));
    await h.waitFor(`the callout at ${size.width}×${size.height}`, async () => (await h.callout())?.step === 'on');
    // One frame for the callout to follow the scroll.
    await h.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const seen = await h.evaluate(() => {
      const rect = (el) => el.getBoundingClientRect().toJSON();
      const host = document.getElementById('untrain-callout');
      const toggle = document.getElementById('ai-toggle');
      const t = rect(toggle);
      const hit = document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2);
      return {
        panel: rect(host.shadowRoot.querySelector('.panel')),
        placement: host.dataset.placement,
        clear: { toggle: t, label: rect(document.getElementById('training-content-creation-label')), learnMore: rect(document.getElementById('learn-more')) },
        hitIsToggle: hit === toggle,
        banner: document.getElementById('untrain-banner') !== null,
        inner: { width: innerWidth, height: innerHeight },
        scrollWidth: document.documentElement.scrollWidth,
      };
    });
    const where = `${size.width}×${size.height}${size.zoom ? ' at 200 %' : ''}`;
    for (const [name, box] of Object.entries(seen.clear)) {
      const inView = box.right > 0 && box.bottom > 0 && box.left < seen.inner.width && box.top < seen.inner.height;
      if (inView) assert.ok(!overlaps(seen.panel, box), `${where}: the callout covers LinkedIn's ${name} (${JSON.stringify(seen.panel)} over ${JSON.stringify(box)})`);
    }
    assert.ok(seen.hitIsToggle, `${where}: the switch is what is under the pointer at its centre`);
    assert.equal(seen.banner, false, `${where}: on the setting's page the callout speaks, not the banner`);
    placements.push(`${where}: ${seen.placement}`);
    await h.screenshot(`callout-${size.width}x${size.height}${size.zoom ? '-zoom200' : ''}.png`);
    if (h.browser === 'chromium' && !size.zoom && [1280, 800].includes(size.width)) {
      await docsScreenshot(`callout-${size.width}x${size.height}.png`, (path) => h.page.screenshot({ path }));
    }

    // The member's own click on LinkedIn's switch, through the real mouse, reaches it.
    const t = seen.clear.toggle;
    await h.page.mouse.click(t.left + t.width / 2, t.top + t.height / 2);
    await h.waitFor(`${where}: the member's click to switch it off`, async () => !(await h.isChecked('#ai-toggle')));
    await h.waitFor(`${where}: the callout to say it is Off`, async () => (await h.callout())?.step === 'off');
  }
  console.error(`placements (${h.browser}): ${placements.join('; ')}`);
  await view.reset();

  // Keyboard: the first Tab reaches untrain's skip link, which takes the focus into the callout; Escape closes it.
  // Each try loads the page afresh: the callout is drawn again once the host's status arrives, and a Tab pressed in
  // between lands before it exists; and the keyboard goes to the tab in front, where untrain's welcome page (opened on
  // install) may have come after the harness's goto.
  const keyboardPath = async () => {
    await h.goto(`${SETTING_PATH}?fixture-state=on`);
    await h.waitFor('the callout', async () => (await h.callout())?.step === 'on');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.page.bringToFront();
    await h.page.keyboard.press('Tab');
    const first = await h.evaluate(() => document.activeElement?.getAttribute('data-untrain') ?? null);
    await h.page.keyboard.press('Enter');
    const focused = await h.evaluate(() => document.getElementById('untrain-callout')?.shadowRoot.activeElement?.textContent ?? null);
    return { first, focused };
  };
  let tried = await keyboardPath();
  for (let attempt = 1; attempt < 3 && (tried.first !== 'skip' || tried.focused !== 'Switch it off for me'); ++attempt) {
    tried = await keyboardPath();
  }
  assert.equal(tried.first, 'skip', 'the first Tab stop is untrain\'s skip link');
  assert.equal(tried.focused, 'Switch it off for me', 'Enter on the skip link takes the focus into the callout');
  const violations = await axe(h.page, { include: '#untrain-callout' });
  assert.deepEqual(violations, [], 'axe finds nothing in the callout');
  await h.page.keyboard.press('Escape');
  await h.waitFor('Escape to close the callout', async () => (await h.callout()) === null);
});
