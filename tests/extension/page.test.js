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

test('absolute and encoded profile links give the decoded id', () => {
  const doc = withPage((h) => [h('header', { class: 'global-nav' }, '', h('a', { href: 'https://www.linkedin.com/in/j%C3%BCrgen-m?trk=nav' }, 'Me'))]);
  assert.equal(page.account(doc), 'jürgen-m');
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
