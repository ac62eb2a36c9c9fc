'use strict';
// guard.js: untrain's buttons act only for the member's own click on a button they could see, on top, at that moment.
// The fake DOM's layout (fake-dom.js): every element a 10×10 box, shown and opaque unless its style says otherwise.

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');
const { fakeDocument } = require('./fake-dom');

const { guard } = load('content/guard.js');

function drawn() {
  const doc = fakeDocument((h) => [h('div', { id: 'host' }, '', h('div', { class: 'panel' }, '', h('button', {}, 'Dismiss')))]);
  const host = doc.getElementById('host');
  const button = doc.querySelector('button');
  const acted = [];
  button.addEventListener('click', guard.member(() => acted.push('dismiss')));
  return { doc, host, button, acted, click: (options = {}) => button.fire('click', { isTrusted: true, ...options }) };
}

test('the member\'s own click on a visible button on top acts, from the pointer or the keyboard', () => {
  const { acted, click } = drawn();
  click();
  click({ detail: 0 });
  assert.deepEqual(acted, ['dismiss', 'dismiss']);
});

test('a page script\'s click does nothing and is cancelled', () => {
  const { acted, button } = drawn();
  assert.equal(button.fire('click', { isTrusted: false }).defaultPrevented, true);
  assert.deepEqual(acted, []);
});

test('a button made (nearly) transparent, itself or by any ancestor, does not act for a real click', () => {
  for (const [where, style] of [['button', { opacity: '0' }], ['.panel', { opacity: '0.5' }], ['#host', { opacity: '0.01' }],
    ['body', { opacity: '0.85' }], ['#host', { filter: 'opacity(0)' }], ['.panel', { filter: 'blur(1px) opacity(40%)' }]]) {
    const { doc, acted, click } = drawn();
    Object.assign(where === 'body' ? doc.body : doc.querySelector(where), { style });
    assert.equal(click().defaultPrevented, true, `${where} ${JSON.stringify(style)}`);
    assert.deepEqual(acted, [], `${where} ${JSON.stringify(style)}`);
  }
  const { doc, acted, click } = drawn();
  doc.querySelector('.panel').style.opacity = '0.95';
  click();
  assert.deepEqual(acted, ['dismiss'], `at least ${guard.MIN_OPACITY} opaque still acts`);
});

test('a hidden or undisplayed button does not act', () => {
  for (const [where, style] of [['#host', { visibility: 'hidden' }], ['.panel', { display: 'none' }], ['button', { visibility: 'collapse' }]]) {
    const { doc, acted, click } = drawn();
    doc.querySelector(where).style = style;
    click();
    assert.deepEqual(acted, [], `${where} ${JSON.stringify(style)}`);
  }
});

test('a button with a page element over it where the member clicked does not act', () => {
  const { doc, acted, click } = drawn();
  doc.covering = doc.h('div', { id: 'decoy' }, 'Click to win');
  click();
  click({ detail: 0 });
  assert.deepEqual(acted, []);
});

test('a button no longer on the page does not act', () => {
  const { doc, acted, click } = drawn();
  doc.body.replaceChildren();
  click();
  assert.deepEqual(acted, []);
});
