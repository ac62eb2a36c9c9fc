'use strict';
// The confirmation page "I've sent it" opens: the form is logged only from here, a page of ours, once the member says so.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test } = require('node:test');
const { load, EXTENSION } = require('./load');

const { report, formRule } = load('confirm/model.js');
const linkedin = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'rules/linkedin.json'), 'utf8'));
const FROM = 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement';
const TIME = 1795903200000;
const query = (fields) => new URLSearchParams(fields);

test('the member\'s confirmation is the callout\'s form report, with the date they gave and the form\'s own page, not the one it came from', () => {
  const q = query({ platform: 'linkedin', form: 'objection-form', account: 'jane-doe', from: FROM });
  const formUrl = linkedin.forms[0].url;
  assert.deepEqual(report(q, { sentOn: '2026-11-28', time: TIME, formUrl }), {
    platform: 'linkedin', account: 'jane-doe', form: 'objection-form', sent_on: '2026-11-28', source: 'callout', url: formUrl, time: TIME,
  });
  assert.equal(formRule(linkedin, q).id, 'objection-form');
  const anonymous = report(query({ platform: 'linkedin', form: 'objection-form' }), { sentOn: '2026-11-28', time: TIME });
  assert.equal(anonymous.account, null);
  assert.equal('url' in anonymous, false);
});

test('a query or date the host would not take gives no report', () => {
  for (const fields of [{ platform: 'linkedin' }, { platform: 'linkedin', form: 'objection-form', account: 'a b' },
    { form: 'objection-form' }]) {
    assert.equal(report(query(fields), { sentOn: '2026-11-28', time: TIME }), null, JSON.stringify(fields));
  }
  assert.equal(report(query({ platform: 'linkedin', form: 'objection-form' }), { sentOn: '', time: TIME }), null);
  assert.equal(formRule(linkedin, query({ form: 'nope' })), null);
});
