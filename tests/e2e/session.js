'use strict';
// The parts of an end-to-end browser session that do not depend on the browser: the host binary and what it says about
// the test's database, polling, the page-side readers of our banner and callout, and a session's life from launch to close.

const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.resolve(process.env.UNTRAIN_ARTIFACTS || path.join(ROOT, 'tests/e2e/artifacts'));
// The host binary under test: $UNTRAIN_BIN (ctest sets it), else the default preset's build.
const UNTRAIN_BIN = path.resolve(process.env.UNTRAIN_BIN
  || ['build/default/untrain', 'build/default/host/untrain'].map((p) => path.join(ROOT, p)).find((p) => fs.existsSync(p))
  || path.join(ROOT, 'build/default/untrain'));

/**
 * The README's pictures: with UNTRAIN_SCREENSHOTS=1 a scenario also writes `file` into docs/images (run once, then
 * commit); otherwise nothing in the tree changes. `shoot(target)` takes the screenshot to a path.
 */
async function docsScreenshot(file, shoot) {
  if (process.env.UNTRAIN_SCREENSHOTS !== '1') return null;
  const target = path.join(ROOT, 'docs/images', file);
  await shoot(target);
  return target;
}

/** Runs axe-core (npm) in `page` (Playwright) over untrain's own elements or page; returns the violations. */
async function axe(page, { include = null } = {}) {
  // Through the DevTools protocol rather than a <script>: extension pages' CSP refuses inline scripts, which is right.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (selector) => {
    const context = selector ? { include: [selector] } : document;
    const result = await globalThis.axe.run(context, { runOnly: ['wcag2a', 'wcag2aa'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, include);
}

/** Polls fn until it returns a truthy value; fails with `what` and the last value seen after timeoutMs. */
async function waitFor(what, fn, { timeoutMs = 15000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Passes when `fn` stays falsy for the whole of `ms`: for "nothing happens" after something observable did. */
async function staysFalse(what, fn, ms = 1500) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await fn();
    assert.ok(!value, `${what}: got ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describe(value) {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function run(file, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 10000, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** What the host binary says about a test's database: its audit trail and its status (verdicts, nudges, forms). */
function hostView(db) {
  const view = {
    /** The observations in the host's event log for this test's database (empty before the first one). */
    async trail() {
      return (await view.events()).filter((e) => e.kind === 'observation');
    },

    /** Every event in the host's log: observations, nudges and forms, oldest first. */
    async events() {
      if (!fs.existsSync(db)) return [];
      return JSON.parse(await run(UNTRAIN_BIN, ['log', '--json', '--db', db]));
    },

    /** `untrain status --json` for this test's database: the host's own view, verdicts and nudges included. */
    async hostStatus() {
      return JSON.parse(await run(UNTRAIN_BIN, ['status', '--json', '--db', db]))[0];
    },
  };
  return view;
}

/** WCAG's contrast ratio of two CSS rgb() colours (4.5 or more: AA for normal text). */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, bl] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Fails unless the host binary exists: every harness runs it to install the host and to read the trail. */
function assertHostBinary() {
  assert.ok(fs.existsSync(UNTRAIN_BIN), `the host binary ${UNTRAIN_BIN} does not exist: build it or set UNTRAIN_BIN`);
}

/** Runs in the page: what the banner shows and how it is built (read through its open shadow root), or null. */
function readBanner() {
  const host = document.getElementById('untrain-banner');
  if (!host) return null;
  const root = host.shadowRoot;
  const box = host.getBoundingClientRect();
  return {
    state: host.dataset.state,
    verdict: host.dataset.verdict,
    role: host.getAttribute('role'),
    label: host.getAttribute('aria-label'),
    open: root !== null,
    text: root?.querySelector('p')?.textContent ?? null,
    links: root ? [...root.querySelectorAll('a')].map((a) => a.href) : [],
    buttons: root ? [...root.querySelectorAll('button')].map((b) => ({ text: b.textContent, disabled: b.disabled })) : [],
    lookFor: root?.querySelector('.look-for')?.textContent ?? null,
    note: root?.querySelector('.note')?.textContent ?? null,
    styles: root ? [...root.querySelectorAll('style')].map((s) => s.textContent).join('\n') : '',
    top: box.top,
    bottom: box.bottom,
    height: box.height,
    hostChildren: host.children.length,
  };
}

/** Runs in the page: the callout on a setting's page, read through its open shadow root; null when there is none. */
function readCallout() {
  const host = document.getElementById('untrain-callout');
  if (!host) return null;
  const root = host.shadowRoot;
  const ring = root.querySelector('.ring');
  const box = (el) => (el && !el.hidden ? el.getBoundingClientRect().toJSON() : null);
  return {
    step: host.dataset.step,
    role: host.getAttribute('role'),
    label: host.getAttribute('aria-label'),
    text: root.querySelector('.text')?.textContent ?? null,
    formText: root.querySelector('.form-text')?.textContent ?? null,
    buttons: [...root.querySelectorAll('button')].map((b) => ({ text: b.textContent, disabled: b.disabled })),
    links: [...root.querySelectorAll('a')].map((a) => a.href),
    lookFor: root.querySelector('.look-for')?.textContent ?? null,
    note: root.querySelector('.note')?.textContent ?? null,
    ring: box(ring),
    panel: box(root.querySelector('.panel')),
  };
}

/**
 * One browser session around `body`: launched with `options`, closed afterwards; on failure the browser's console
 * output is printed and the temporary folder kept.
 */
async function withSession(launch, options, body) {
  const session = await launch(options);
  let failed = true;
  try {
    await body(session);
    failed = false;
  } finally {
    await session.close(failed);
  }
}

module.exports = {
  docsScreenshot, axe, ROOT,
  ARTIFACTS, UNTRAIN_BIN, waitFor, staysFalse, run, hostView, assertHostBinary, readBanner, readCallout, withSession, contrast,
};
