'use strict';

const assert = require('node:assert/strict');
const { test } = require('node:test');
const { load } = require('./load');
const { fakeDocument } = require('./fake-dom');

const { page } = load('content/page.js');

const withPage = (build, { cookie = '' } = {}) => Object.assign(fakeDocument(build), { cookie, baseURI: 'https://www.linkedin.com/feed/' });

test("the account is the public profile id of the header's profile link", () => {
  const doc = withPage((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: '/feed/' }, 'Home'), h('a', { href: '/in/jane-doe/' }, 'Me'))]);
  assert.equal(page.account(doc), 'jane-doe');
});

test('the account is the slug as the URL spells it: percent-encoded, never decoded, escapes in upper case', () => {
  const account = (href) => page.account(withPage((h) => [h('header', { class: 'global-nav' }, '', h('a', { href }, 'Me'))]));
  assert.equal(account('https://www.linkedin.com/in/j%C3%BCrgen-m?trk=nav'), 'j%C3%BCrgen-m');
  assert.equal(account('/in/j%c3%bcrgen-m/'), 'j%C3%BCrgen-m', 'one account, one spelling');
  assert.equal(account('/in/jürgen-m/'), 'j%C3%BCrgen-m', 'raw non-ASCII as the parsed URL encodes it');
  assert.equal(account('/in/%E6%9D%8E%E6%98%8E-12345/'), '%E6%9D%8E%E6%98%8E-12345');
});

test('an account is counted in characters, an escaped one being one: 100 Chinese characters are an account, 101 are not', () => {
  const account = (slug) => page.account(withPage((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: `/in/${slug}/` }, 'Me'))]));
  const li = '%E6%9D%8E';
  assert.equal(account(li.repeat(100)), li.repeat(100), '900 bytes of escapes, 100 characters');
  assert.equal(account(li.repeat(101)), null);
  const emoji = encodeURIComponent('😀');  // two UTF-16 units, four bytes: one character
  assert.equal(account(`a-${emoji.repeat(98)}`), `a-${emoji.repeat(98)}`);
  assert.equal(account(`ab-${emoji.repeat(98)}`), null);
});

test('a profile link whose slug breaks LinkedIn\'s rule names no account', () => {
  const account = (href) => page.account(withPage((h) => [h('header', { id: 'global-nav' }, '', h('a', { href }, 'Me'))]));
  for (const slug of ['ab', 'a'.repeat(101), 'jane_doe', 'jane.doe', 'jane%20doe', 'jane%2Ddoe', '%C0%80abc', '%ED%A0%80abc', 'abc%', 'abc%E6%9D']) {
    assert.equal(account(`/in/${slug}/`), null, slug);
  }
  assert.equal(account(`/in/${'a'.repeat(100)}/`), 'a'.repeat(100));
  assert.equal(account('/in/abc/'), 'abc');
});

test('profile links in the page body are not the member', () => {
  const doc = withPage((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: '/feed/' }, 'Home')),
    h('main', {}, '', h('a', { href: '/in/someone-else/' }, 'Someone'))]);
  assert.equal(page.account(doc), null);
});

test('no header means no account, not a guess', () => {
  assert.equal(page.account(withPage((h) => [h('main', {}, '', h('a', { href: '/in/x/' }, 'x'))])), null);
});

test('a member is logged in when LinkedIn set liap=true or the global nav is there', () => {
  assert.equal(page.isLoggedIn(withPage(() => [], { cookie: 'lang=v=2&lang=en-us; liap=true; JSESSIONID=x' })), true);
  assert.equal(page.isLoggedIn(withPage((h) => [h('header', { id: 'global-nav' })])), true);
  assert.equal(page.isLoggedIn(withPage((h) => [h('header', { class: 'guest-nav' })], { cookie: 'liap=false' })), false);
});

// Storage as the browser shows it to a script: length and key(i).
const storage = (...keys) => ({ length: keys.length, key: (i) => keys[i] ?? null });
const withStorage = (build, store) => Object.assign(withPage(build), { defaultView: { localStorage: store } });

test('the liap cookie is compared without case: LinkedIn has set it as True too', () => {
  assert.equal(page.isLoggedIn(withPage(() => [], { cookie: 'JSESSIONID=x; liap=True' })), true);
  assert.equal(page.isLoggedIn(withPage(() => [], { cookie: 'liap=TRUE' })), true);
  assert.equal(page.isLoggedIn(withPage(() => [], { cookie: 'xliap=true; liap=no' })), false);
});

test('a voyager… localStorage key says a member is signed in; storage that cannot be read says nothing', () => {
  assert.equal(page.isLoggedIn(withStorage(() => [], storage('li_theme', 'voyager-web:badges'))), true);
  assert.equal(page.isLoggedIn(withStorage(() => [], storage('li_theme'))), false);
  const refusing = { get length() { throw new Error('SecurityError'); } };
  assert.equal(page.isLoggedIn(withStorage(() => [], refusing)), false);
});

test('in the rebuilt UI (hashed classes, no #global-nav, no <header>) the navigation\'s profile link is the member', () => {
  const doc = withPage((h) => [h('div', { class: '_9f2c1' }, '',
    h('nav', { class: '_x81aa', 'aria-label': 'Primary' }, '', h('a', { href: '/feed/' }, 'Home'), h('a', { href: '/in/jane-doe/', class: '_k2' }, 'Me')),
    h('div', { class: '_c0n7' }, '', h('div', { class: '_p0st' }, '', h('a', { href: '/in/ada-lovelace/' }, 'Ada Lovelace'))))]);
  assert.equal(page.isLoggedIn(doc), true);
  assert.equal(page.account(doc), 'jane-doe');
  const banner = withPage((h) => [h('div', { role: 'banner', class: '_b4' }, '', h('a', { href: '/in/jane-doe/' }, 'Me'))]);
  assert.equal(page.account(banner), 'jane-doe');
});

test('a post author is never the member: no navigation link, no account, even for a signed-in member', () => {
  const doc = withPage((h) => [
    h('main', {}, '', h('article', {}, '', h('header', {}, '', h('a', { href: '/in/ada-lovelace/' }, 'Ada Lovelace')))),
  ], { cookie: 'liap=true' });
  assert.equal(page.isLoggedIn(doc), true);
  assert.equal(page.account(doc), null);
});

test('a navigation that links to several profiles cannot tell which is the member: no account', () => {
  const doc = withPage((h) => [h('nav', {}, '', h('a', { href: '/in/jane-doe/' }, 'Me'), h('a', { href: '/in/ada-lovelace/' }, 'Ada'))]);
  assert.equal(page.account(doc), null);
  const same = withPage((h) => [h('header', { id: 'global-nav' }, '', h('a', { href: '/in/jane-doe/' }, 'Me'), h('a', { href: '/in/jane-doe/recent-activity/' }, 'Activity'))]);
  assert.equal(page.account(same), 'jane-doe', 'two links to the same profile are one member');
});
