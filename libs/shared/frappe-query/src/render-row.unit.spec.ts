import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderList, renderRow, toListRow } from './render-row.js';
import { HD_TICKET, list } from './test-fixtures.js';

const BERLIN = 'Europe/Berlin';

describe('rendering rows as Frappe wire values', () => {
  it('renders each field type as Frappe does', () => {
    const row = renderRow(
      HD_TICKET,
      {
        name: '42',
        creation: new Date('2026-03-29T00:59:59.123Z'),
        modified: new Date('2026-03-29T01:00:00Z'),
        docstatus: 0,
        subject: 'Printer',
        via_customer_portal: true,
        opening_date: '2026-03-29',
        opening_time: '09:05:00',
        _assign: '["a@example.com", "b@example.com"]',
        response_by: null,
        first_response_time: '3600',
        feedback_rating: 0.8,
      },
      BERLIN,
    );
    assert.deepEqual(row, {
      name: 42,
      creation: '2026-03-29 01:59:59.123000',
      modified: '2026-03-29 03:00:00.000000',
      docstatus: 0,
      subject: 'Printer',
      via_customer_portal: 1,
      opening_date: '2026-03-29',
      opening_time: '9:05:00',
      _assign: '["a@example.com", "b@example.com"]',
      response_by: null,
      first_response_time: 3600,
      feedback_rating: 0.8,
    });
  });

  it('serialises a parsed JSON value with Python spacing', () => {
    const row = renderRow(HD_TICKET, { _assign: ['a@example.com', 'b@example.com'] }, BERLIN);
    assert.equal(row._assign, '["a@example.com", "b@example.com"]');
  });

  it('reads a driver-made date at local midnight back as the same day', () => {
    assert.equal(
      renderRow(HD_TICKET, { opening_date: new Date(2026, 2, 29) }, BERLIN).opening_date,
      '2026-03-29',
    );
  });

  it('types aliases and aggregates from the compiled query', () => {
    const query = list({
      fields: [
        'modified as changed',
        'status',
        'count(name) as count',
        'max(via_customer_portal) as any',
      ],
      group_by: 'status, modified',
    });
    const row = renderRow(
      HD_TICKET,
      { changed: new Date('2026-07-01T08:00:00Z'), status: 'Open', count: '7', any: 1 },
      BERLIN,
      query.fieldtypes,
    );
    assert.deepEqual(row, {
      changed: '2026-07-01 10:00:00.000000',
      status: 'Open',
      count: 7,
      any: 1,
    });
  });

  it('lists values in column order for as_dict false', () => {
    assert.deepEqual(toListRow({ b: 2, a: 1 }, ['a', 'b', 'c']), [1, 2, null]);
    const query = list({ fields: ['name', 'subject'] });
    assert.deepEqual(
      renderList(HD_TICKET, query, [{ subject: 'Printer', name: '1' }], {
        timeZone: BERLIN,
        asDict: false,
      }),
      [[1, 'Printer']],
    );
  });

  it('keeps a key named __proto__ as data', () => {
    const row = renderRow(
      HD_TICKET,
      JSON.parse('{"__proto__": "x"}') as Record<string, unknown>,
      BERLIN,
    );
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(row, '__proto__')?.value, 'x');
  });
});
