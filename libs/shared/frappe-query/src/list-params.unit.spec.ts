import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFilters } from './filter-shapes.js';
import { parseCountParams, parseListParams, parseValueParams } from './list-params.js';
import { assertRefused } from './test-fixtures.js';

describe('list parameters', () => {
  it('defaults to the name field, 20 rows from the start, dicts, no filters', () => {
    assert.deepEqual(parseListParams({}), {
      fields: ['name'],
      filters: [],
      orFilters: [],
      start: 0,
      pageLength: 20,
      asDict: true,
      groupBy: [],
    });
  });

  it('reads query-string JSON and parsed bodies alike', () => {
    const fromQuery = parseListParams({
      fields: '["name","subject"]',
      filters: '{"status":"Open"}',
      or_filters: '[["priority","=","High"]]',
      order_by: 'modified desc',
      limit_start: '40',
      limit_page_length: '10',
      as_dict: '0',
      group_by: 'status',
    });
    const fromBody = parseListParams({
      fields: ['name', 'subject'],
      filters: { status: 'Open' },
      or_filters: [['priority', '=', 'High']],
      order_by: 'modified desc',
      limit_start: 40,
      limit_page_length: 10,
      as_dict: false,
      group_by: ['status'],
    });
    assert.deepEqual(fromQuery, fromBody);
    assert.deepEqual(fromQuery.filters, [{ field: 'status', operator: '=', value: 'Open' }]);
    assert.equal(fromQuery.orderBy, 'modified desc');
  });

  it('accepts start, limit and page_length as aliases', () => {
    assert.equal(parseListParams({ start: 5 }).start, 5);
    assert.equal(parseListParams({ limit: 7 }).pageLength, 7);
    assert.equal(parseListParams({ page_length: '8' }).pageLength, 8);
    assert.equal(parseListParams({ limit_page_length: 9, limit: 7 }).pageLength, 9);
  });

  it('clamps page lengths: 0 (no limit) and anything larger become the ceiling', () => {
    assert.equal(parseListParams({ limit_page_length: 0 }).pageLength, 5000);
    assert.equal(parseListParams({ limit_page_length: '1000000' }).pageLength, 5000);
    assert.equal(parseListParams({ limit: 0 }, { maxPageLength: 500 }).pageLength, 500);
    assert.equal(parseListParams({ limit: 499 }, { maxPageLength: 500 }).pageLength, 499);
  });

  it('reads as_dict in every spelling clients use', () => {
    for (const value of ['0', 'false', 'False', 0, false]) {
      assert.equal(parseListParams({ as_dict: value }).asDict, false, String(value));
    }
    for (const value of ['1', 'true', 'True', 1, true, '']) {
      assert.equal(parseListParams({ as_dict: value }).asDict, true, String(value));
    }
    assertRefused(() => parseListParams({ as_dict: 'maybe' }), /as_dict must be a boolean/);
  });

  it('takes "*" and comma-separated names as Frappe does', () => {
    assert.deepEqual(parseListParams({ fields: '*' }).fields, ['*']);
    assert.deepEqual(parseListParams({ fields: 'name, subject' }).fields, ['name', 'subject']);
    assert.deepEqual(parseListParams({ fields: '[]' }).fields, ['name']);
  });

  it('reads group_by as a field, a comma-separated list or a JSON list', () => {
    assert.deepEqual(parseListParams({ group_by: 'status, priority' }).groupBy, [
      'status',
      'priority',
    ]);
    assert.deepEqual(parseListParams({ group_by: '["status"]' }).groupBy, ['status']);
  });

  it('refuses malformed JSON and wrong shapes with 417', () => {
    assertRefused(() => parseListParams({ filters: '{"status":' }), /filters is not valid JSON/);
    assertRefused(() => parseListParams({ fields: '["name"' }), /fields is not valid JSON/);
    assertRefused(() => parseListParams({ filters: 'status=Open' }), /JSON object or list/);
    assertRefused(() => parseListParams({ filters: 42 }), /JSON object or list/);
    assertRefused(() => parseListParams({ fields: { name: 1 } }), /fields must be a JSON list/);
    assertRefused(() => parseListParams({ fields: [1] }), /Invalid entry in fields/);
    assertRefused(() => parseListParams({ order_by: ['modified'] }), /order_by must be a string/);
    assertRefused(() => parseListParams({ group_by: [['status']] }), /Invalid entry in group_by/);
  });

  it('refuses negative, fractional, non-numeric and huge paging numbers', () => {
    for (const value of [-1, '-1', 1.5, '1.5', 'ten', '1e3', 2 ** 31, '99999999999999999999']) {
      assertRefused(() => parseListParams({ limit_start: value }), /limit_start/);
      assertRefused(() => parseListParams({ limit_page_length: value }), /limit_page_length/);
    }
  });
});

describe('filter shapes', () => {
  const open = { field: 'status', operator: '=', value: 'Open' };

  it('reads {field: value} as equality', () => {
    assert.deepEqual(parseFilters({ status: 'Open' }), [open]);
  });

  it('reads {field: [operator, value]}', () => {
    assert.deepEqual(parseFilters({ name: ['in', ['1', '2']] }), [
      { field: 'name', operator: 'in', value: ['1', '2'] },
    ]);
  });

  it('reads [field, operator, value] and [doctype, field, operator, value]', () => {
    assert.deepEqual(parseFilters([['status', '=', 'Open']]), [open]);
    assert.deepEqual(parseFilters([['HD Ticket', 'status', '=', 'Open']]), [
      { doctype: 'HD Ticket', ...open },
    ]);
    // The report view appends a fifth element; Frappe ignores it.
    assert.deepEqual(parseFilters([['HD Ticket', 'status', '=', 'Open', false]]), [
      { doctype: 'HD Ticket', ...open },
    ]);
  });

  it('reads one-key dicts inside a list', () => {
    assert.deepEqual(parseFilters([{ status: 'Open' }, ['priority', '!=', 'Low']]), [
      open,
      { field: 'priority', operator: '!=', value: 'Low' },
    ]);
  });

  it('normalises operator spelling', () => {
    const operators = parseFilters([
      ['subject', 'LIKE', '%a%'],
      ['creation', 'Between', ['2026-01-01', '2026-01-31']],
      ['name', '=>', 1],
      ['name', '=<', 9],
      ['status', ' NOT   IN ', 'Open'],
    ]).map((condition) => condition.operator);
    assert.deepEqual(operators, ['like', 'between', '>=', '<=', 'not in']);
  });

  it('treats empty filters as none', () => {
    for (const empty of [undefined, null, '', '{}', '[]', {}, []]) {
      assert.deepEqual(parseFilters(empty), []);
    }
  });

  it('refuses raw SQL strings, short lists, unknown and unsupported operators', () => {
    assertRefused(() => parseFilters(['status = "Open"']), /Invalid filter in filters/);
    assertRefused(() => parseFilters([['status', 'Open']]), /3 or 4 values/);
    assertRefused(
      () => parseFilters({ status: ['=', 'Open', 'x'] }),
      /must be \[operator, value\]/,
    );
    assertRefused(() => parseFilters([['status', '<>', 'Open']]), /Invalid operator: <>/);
    assertRefused(() => parseFilters([['status', 'regex', '^O']]), /"regex" is not supported/);
    assertRefused(
      () => parseFilters([['agent_group', 'descendants of', 'x']]),
      /"descendants of" is not supported/,
    );
  });
});

describe('get_count and get_value parameters', () => {
  it('get_count reads filters and or_filters', () => {
    assert.deepEqual(parseCountParams({ filters: '{"status":"Open"}' }), {
      filters: [{ field: 'status', operator: '=', value: 'Open' }],
      orFilters: [],
    });
  });

  it('get_value takes a name or a filter object, one field or a list', () => {
    const byName = parseValueParams({ fieldname: 'subject', filters: '42' });
    assert.deepEqual(byName.fields, ['subject']);
    assert.deepEqual(byName.filters, [{ field: 'name', operator: '=', value: '42' }]);
    assert.equal(byName.pageLength, 1);
    const byFilter = parseValueParams({
      fieldname: '["subject","status"]',
      filters: '{"raised_by":"a@example.com"}',
      as_dict: 0,
    });
    assert.deepEqual(byFilter.fields, ['subject', 'status']);
    assert.deepEqual(byFilter.filters, [
      { field: 'raised_by', operator: '=', value: 'a@example.com' },
    ]);
    assert.equal(byFilter.asDict, false);
    assertRefused(() => parseValueParams({ filters: '42' }), /fieldname is required/);
  });
});
