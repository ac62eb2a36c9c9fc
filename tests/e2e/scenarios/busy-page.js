'use strict';
// A busy LinkedIn page must not flood the audit trail: untrain records a visit once and each real change once, however
// much the page re-renders around the toggle (or the toggle itself) in between.

const assert = require('node:assert/strict');
const { SETTING_PATH } = require('../site');
const { scenarios } = require('../scenario');

// Both browsers: everything here is read from the page and from the host binary.
const scenario = scenarios(module, { browsers: ['chromium', 'firefox'] });

scenario('constant re-rendering records nothing; the visit and the member\'s change are one event each', { host: true, state: 'on', name: 'busy-page' }, async (h) => {
  await h.goto(SETTING_PATH);
  await h.waitFor('the page-load observation', async () => (await h.trail()).length === 1);

  // Firefox throttles a background tab's timers to one a second, and untrain's welcome page (opened on install, maybe
  // after the harness brought this tab to the front) may be in front: bring the scenario's tab back first.
  await h.page.bringToFront();
  // Three seconds of what a busy single-page app does: nodes added and removed, attributes flipped, the toggle itself
  // replaced by a fresh copy in the same state, every 10 ms.
  const mutations = await h.evaluate(() => new Promise((resolve) => {
    let count = 0;
    const noise = document.createElement('div');
    document.body.append(noise);
    const timer = setInterval(() => {
      const item = document.createElement('div');
      item.setAttribute('role', 'switch');
      item.setAttribute('aria-checked', String(count % 2 === 0));
      item.textContent = `feed item ${count}`;
      noise.append(item);
      if (noise.children.length > 20) noise.firstElementChild.remove();
      const toggle = document.getElementById('ai-toggle');
      toggle.replaceWith(toggle.cloneNode(true));
      count += 1;
    }, 10);
    setTimeout(() => { clearInterval(timer); resolve(count); }, 3000);
  }));
  assert.ok(mutations > 100, `the page re-rendered ${mutations} times`);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal((await h.trail()).length, 1, 'no event for re-rendering');

  await h.click('#ai-toggle');
  await h.waitFor('the user-change observation', async () => (await h.trail()).length === 2);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const trail = await h.trail();
  assert.deepEqual(trail.map((e) => [e.action, e.source, e.value]), [['first-seen', 'page-load', true], ['change', 'user-change', false]],
    'one event for the visit, one for the change');
});
