import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseListParams } from './list-params.js';
import { assertRefused, list, where } from './test-fixtures.js';

const INJECTIONS = [
  "'; DROP TABLE ticket.hd_ticket; --",
  '" OR 1=1 --',
  '$$ OR TRUE $$',
  '`name`',
  '\\',
  '%_%',
  '\u0000',
  '1); SELECT pg_sleep(10); --',
];

describe('hostile input', () => {
  it('refuses SQL in order_by', () => {
    for (const orderBy of [
      'modified desc; drop table x',
      'modified desc, (select 1)',
      'modified desc --',
      'modified /* */ desc',
      'pg_sleep(10)',
      '1',
      'modified desc nulls first; select 1',
    ]) {
      assertRefused(() => list({ order_by: orderBy }), /not permitted|sort direction/);
    }
  });

  it('refuses SQL in fields and group_by', () => {
    for (const field of [
      'name; select 1',
      'name from ticket.hd_ticket --',
      '(select password from users) as x',
      'count(name)); drop table x; --',
      '`name`; drop',
      'tabUser.name',
      '`tabHD Ticket`; drop`.`name`',
      'version()',
      'name::text',
    ]) {
      assertRefused(() => list({ fields: [field] }), /not permitted|Invalid alias/);
    }
    assertRefused(() => list({ fields: [{ COUNT: 'name); drop table x; --' }] }), /not permitted/);
    assertRefused(
      () => list({ fields: ['status'], group_by: 'status; drop table x' }),
      /not permitted/,
    );
  });

  it('refuses SQL in operators', () => {
    for (const operator of ['= 1 or 1=1 --', '=;', 'like/**/', 'in (select 1)', '=\u0000']) {
      assertRefused(() => where([['status', operator, 'Open']]), /Invalid operator/);
    }
  });

  it('treats __proto__ and other inherited names as unknown fields, polluting nothing', () => {
    const parsed = JSON.parse('{"__proto__": "x", "constructor": "y"}') as unknown;
    assertRefused(() => where(parsed), /Field not permitted in query: __proto__/);
    assertRefused(() => where('{"toString": "x"}'), /not permitted in query: toString/);
    assertRefused(() => where('{"__proto__": {"polluted": 1}}'), /Invalid filter value/);
    assertRefused(() => where([['__proto__', '=', 1]]), /not permitted/);
    assertRefused(() => list({ fields: ['__proto__'] }), /not permitted/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses nested arrays and objects as values', () => {
    assertRefused(() => where({ status: { $ne: 'Open' } }), /Invalid filter value/);
    assertRefused(() => where({ status: ['=', { a: 1 }] }), /Invalid filter value/);
    assertRefused(() => where([['name', 'in', [[1]]]]), /Invalid filter value/);
    assertRefused(() => where([['status', '=', ['Open']]]), /needs a single value/);
    assertRefused(() => where([['subject', 'like', true]]), /Invalid like pattern/);
    assertRefused(() => where(JSON.parse('{"name": 1e400}') as unknown), /Invalid filter value/);
  });

  it('binds hostile values as parameters and never puts them in the text', () => {
    for (const value of INJECTIONS) {
      for (const filter of [
        { subject: value },
        { subject: ['like', value] },
        { subject: ['not in', [value, 'x']] },
        { _assign: ['like', `%${value}%`] },
      ]) {
        const query = list({ filters: filter });
        assert.ok(!query.text.includes(value), `${query.text} contains ${value}`);
        assert.match(query.text, /WHERE .*\$1::text/);
      }
    }
  });

  it('keeps a 10 MB value as one parameter and a 10 MB name out of the message', () => {
    const huge = 'x'.repeat(10_000_000);
    const query = list({ filters: { subject: huge } });
    assert.ok(query.text.length < 200);
    assert.equal((query.values[0] as string).length, 10_000_000);
    assert.throws(
      () => list({ filters: { [huge]: 1 } }),
      (error: unknown) => error instanceof FrappeError && error.message.length < 200,
    );
    assert.throws(
      () => list({ order_by: `${'modified '.repeat(1000)}` }),
      (error: unknown) => error instanceof FrappeError && error.message.length < 200,
    );
  });

  it('refuses hostile paging values and runaway sizes', () => {
    assertRefused(
      () => parseListParams({ limit_page_length: '20; drop table x' }),
      /non-negative integer/,
    );
    assertRefused(() => parseListParams({ limit_start: '1 OR 1=1' }), /non-negative integer/);
    assertRefused(() => parseListParams({ fields: Array(201).fill('name') }), /Too many fields/);
    const conditions = Array.from({ length: 201 }, () => ['status', '=', 'Open']);
    assertRefused(() => parseListParams({ filters: conditions }), /Too many conditions in filters/);
    assertRefused(
      () => where([['name', 'in', Array.from({ length: 10_001 }, (_, i) => i)]]),
      /Too many values for name/,
    );
  });

  it('refuses hostile timespans and datetimes', () => {
    assertRefused(
      () => where([['creation', 'timespan', "today'; drop table x"]]),
      /Unsupported timespan/,
    );
    assertRefused(
      () => where([['creation', '>', "2026-01-01'; drop"]]),
      /Invalid value for creation/,
    );
    assertRefused(() => where([['creation', '>', '2026-01-01 10:00:00+99:00']]), /Invalid value/);
  });
});
