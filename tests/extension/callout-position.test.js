'use strict';
// Where the callout goes (callout.position): beside LinkedIn's switch when there is room, else a compact bar across the
// window; never over the switch, its label or "Learn more". Real windows and zoom are checked in the browsers
// (e2e callout-placement); here the geometry is tried on the layouts they saw and on many made up at random.

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');

const { callout } = load('content/callout.js');

const box = (left, top, width, height) => ({ left, top, width, height, right: left + width, bottom: top + height });
const overlaps = (a, b) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** The panel's rectangle as place() draws it: the bar spans the window, limited to maxHeight when given. */
function drawn(where, size, bar, win) {
  if (!where.compact) return box(where.left, where.top, size.width, size.height);
  return box(where.left, where.top, win.innerWidth - 24, Math.min(bar, where.maxHeight ?? Infinity));
}

test('with room beside the switch the panel sits there, covering nothing (1280×800)', () => {
  const win = { innerWidth: 1280, innerHeight: 800 };
  const toggle = box(1124, 210, 40, 24);
  const clear = [toggle, box(365, 214.5, 364, 21), box(777, 272, 80, 17)];
  const size = { width: 360, height: 308 };
  const where = callout.position(clear, toggle, size, win, () => 100);
  assert.equal(where.compact, false);
  for (const kept of clear) assert.ok(!overlaps(drawn(where, size, 100, win), kept));
});

test('at 200 % zoom with "Learn more" in the bottom rows the bar goes to the top (Firefox, 640×400 CSS pixels)', () => {
  const win = { innerWidth: 640, innerHeight: 400 };
  const toggle = box(542.4, 244, 40, 24);
  const clear = [toggle, box(289, 227.5, 237.4, 42), box(403.1, 327, 79.8, 17)];
  const where = callout.position(clear, toggle, { width: 360, height: 300 }, win, () => 101.5);
  assert.deepEqual(where, { left: 12, top: 12, compact: true });
});

test('with kept boxes in both the top and the bottom rows the bar goes into the free rows between them', () => {
  const win = { innerWidth: 360, innerHeight: 400 };
  const toggle = box(300, 20, 40, 24);
  const clear = [toggle, box(20, 330, 80, 17)];
  const where = callout.position(clear, toggle, { width: 336, height: 380 }, win, () => 120);
  assert.equal(where.compact, true);
  assert.equal(where.maxHeight, undefined);
  assert.ok(where.top >= 48 && where.top + 120 <= 326, `the bar at ${where.top} fits between 48 and 326`);
});

test('when no free rows are tall enough the bar takes the tallest and is limited to its height', () => {
  const win = { innerWidth: 360, innerHeight: 300 };
  const toggle = box(300, 100, 40, 24);
  const clear = [toggle, box(20, 20, 200, 40), box(20, 200, 80, 17)];
  const where = callout.position(clear, toggle, { width: 336, height: 380 }, win, () => 150);
  assert.equal(where.compact, true);
  assert.deepEqual([where.top, where.maxHeight], [128, 68], 'the rows from 128 to 196, between the switch and the link');
});

test('on a thousand random layouts the panel stays inside the window and covers no kept box', () => {
  // A small deterministic generator (mulberry32), so a failure names a layout that can be tried again.
  let seed = 20261129;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  for (let run = 0; run < 1000; run += 1) {
    const win = { innerWidth: 320 + Math.floor(random() * 1000), innerHeight: 200 + Math.floor(random() * 700) };
    const at = () => box(random() * (win.innerWidth - 60), random() * (win.innerHeight - 40), 20 + random() * 300, 12 + random() * 40);
    const toggle = at();
    const clear = [toggle, ...Array.from({ length: Math.floor(random() * 3) }, at)];
    const size = { width: Math.min(360, win.innerWidth - 24), height: 100 + random() * 300 };
    const bar = 60 + random() * 100;
    const where = callout.position(clear, toggle, size, win, () => bar);
    const panel = drawn(where, size, bar, win);
    const layout = JSON.stringify({ run, win, clear, size, bar, where });
    assert.ok(panel.left >= 11.5 && panel.top >= 11.5 && panel.right <= win.innerWidth - 11.5 && panel.bottom <= win.innerHeight - 11.5, `inside the window: ${layout}`);
    for (const kept of clear) assert.ok(!overlaps(panel, kept), `covers nothing: ${layout}`);
  }
});
