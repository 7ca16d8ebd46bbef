import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileCount } from './compile-list.js';
import { parseCountParams } from './list-params.js';
import { assertRefused, BERLIN, HD_TICKET, list } from './test-fixtures.js';

const T = '"ticket"."hd_ticket"';
const DEFAULT_ORDER = `ORDER BY ${T}."modified" DESC, ${T}."name" DESC`;

describe('select list', () => {
  it('selects name by default, in the default order with a name tie-breaker', () => {
    const query = list({});
    assert.equal(query.text, `SELECT "name" FROM ${T} ${DEFAULT_ORDER} LIMIT $1 OFFSET $2`);
    assert.deepEqual(query.values, [20, 0]);
    assert.deepEqual(query.columns, ['name']);
  });

  it('expands * to every field, constants as literals, dates and JSON as text', () => {
    const query = list({ fields: ['*'] });
    assert.deepEqual(
      query.columns,
      HD_TICKET.fields.map((field) => field.fieldname),
    );
    assert.match(query.text, /, 0 AS "docstatus", 0 AS "idx", /);
    assert.match(query.text, /"opening_date"::text AS "opening_date"/);
    assert.match(query.text, /"_assign"::text AS "_assign"/);
    assert.match(query.text, /"subject" AS "title"/);
  });

  it('accepts quoting forms and aliases', () => {
    const query = list({
      fields: ['`tabHD Ticket`.`name`', 'tabHD Ticket.subject as headline', '`status` AS `state`'],
    });
    assert.equal(
      query.text,
      `SELECT "name", "subject" AS "headline", "status" AS "state" FROM ${T} ${DEFAULT_ORDER} LIMIT $1 OFFSET $2`,
    );
    assert.deepEqual(query.columns, ['name', 'headline', 'state']);
  });

  it('keeps a repeated field once and refuses clashing keys', () => {
    assert.deepEqual(list({ fields: ['name', 'subject', 'name'] }).columns, ['name', 'subject']);
    assertRefused(() => list({ fields: ['name', 'subject as name'] }), /Duplicate column name/);
  });

  it('refuses aliases that are not simple identifiers', () => {
    assertRefused(() => list({ fields: ['name as "x"; drop table y'] }), /not permitted/);
    assertRefused(() => list({ fields: ['name as 1x'] }), /Invalid alias: 1x/);
    assertRefused(() => list({ fields: ['name as __proto__'] }), /Invalid alias/);
    assertRefused(() => list({ fields: [{ COUNT: 'name', as: 'a b' }] }), /Invalid alias/);
  });
});

describe('aggregates', () => {
  it('reads the v15 string form', () => {
    const query = list({
      fields: [
        'status',
        'count(name) as count',
        'COUNT(*) as total',
        'count(distinct owner) as people',
      ],
      group_by: 'status',
    });
    assert.equal(
      query.text,
      `SELECT "status", count("name") AS "count", count(*) AS "total", count(DISTINCT "owner") AS "people" ` +
        `FROM ${T} GROUP BY "status" ORDER BY max("modified") DESC NULLS LAST, ${T}."status" ASC NULLS FIRST LIMIT $1 OFFSET $2`,
    );
    assert.equal(query.fieldtypes.get('count'), 'Int');
  });

  it('reads the v16 dict form', () => {
    const query = list({
      fields: [
        'priority',
        { COUNT: 'name', as: 'count' },
        { SUM: 'first_response_time', as: 'total' },
        { avg: 'feedback_rating', as: 'rating' },
        { COUNT: { DISTINCT: 'owner' }, as: 'people' },
      ],
      group_by: ['priority'],
      order_by: 'count desc',
    });
    assert.equal(
      query.text,
      `SELECT "priority", count("name") AS "count", sum("first_response_time") AS "total", ` +
        `avg("feedback_rating") AS "rating", count(DISTINCT "owner") AS "people" FROM ${T} ` +
        `GROUP BY "priority" ORDER BY "count" DESC, ${T}."priority" ASC NULLS FIRST LIMIT $1 OFFSET $2`,
    );
    assert.equal(query.fieldtypes.get('total'), 'Float');
    assert.equal(query.fieldtypes.get('rating'), 'Float');
  });

  it('names an unaliased aggregate after its expression', () => {
    assert.deepEqual(list({ fields: ['count(name)', 'max(modified)'] }).columns, [
      'count(name)',
      'max(modified)',
    ]);
  });

  it('turns total_count into a single-row query: no ORDER BY for the default order', () => {
    const query = list({ fields: [{ COUNT: 'name', as: 'count' }], filters: { status: 'Open' } });
    assert.equal(
      query.text,
      `SELECT count("name") AS "count" FROM ${T} WHERE "status" = $1::text LIMIT $2 OFFSET $3`,
    );
  });

  it('selects min/max of dates as text and of checks as numbers', () => {
    const query = list({
      fields: ['min(opening_date) as first', 'max(via_customer_portal) as any'],
    });
    assert.match(
      query.text,
      /^SELECT min\("opening_date"\)::text AS "first", max\("via_customer_portal"::int\) AS "any" /,
    );
  });

  it('refuses aggregates Postgres would reject', () => {
    assertRefused(() => list({ fields: ['sum(subject)'] }), /sum needs a numeric field: subject/);
    assertRefused(() => list({ fields: ['sum(*)'] }), /not permitted in query: sum\(\*\)/);
    assertRefused(
      () => list({ fields: ['median(name)'] }),
      /not permitted in query: median\(name\)/,
    );
    assertRefused(
      () => list({ fields: [{ COUNT: 'name', SUM: 'name' }] }),
      /Invalid entry in fields/,
    );
    assertRefused(() => list({ fields: [{ COUNT: ['name'] }] }), /Invalid argument for COUNT/);
    assertRefused(() => list({ fields: [{ name: 'x' }] }), /Invalid entry in fields/);
  });

  it('requires plain fields to be grouped when aggregating', () => {
    assertRefused(
      () => list({ fields: ['subject', 'count(name) as count'], group_by: 'status' }),
      /subject must be in group_by or inside an aggregate/,
    );
    assertRefused(
      () => list({ fields: ['subject', 'count(name)'] }),
      /subject must be in group_by/,
    );
    assertRefused(() => list({ fields: ['*'], group_by: 'status' }), /must be in group_by/);
  });

  it('refuses an aggregate in order_by without group_by', () => {
    assertRefused(
      () => list({ order_by: 'count(name) desc' }),
      /aggregate in order_by needs group_by/,
    );
  });
});

describe('order_by', () => {
  it('reads several terms, quoting forms and a default ascending direction', () => {
    assert.match(
      list({ order_by: '`tabHD Ticket`.`modified` desc, name asc' }).text,
      new RegExp(`ORDER BY ${T}."modified" DESC, ${T}."name" ASC LIMIT`.replace(/[."()]/g, '\\$&')),
    );
    assert.match(
      list({ order_by: 'tabHD Ticket.creation' }).text,
      /"creation" ASC, .*"name" ASC LIMIT/,
    );
  });

  it('sorts NULL first ascending and last descending, as MariaDB does', () => {
    assert.match(
      list({ order_by: 'response_by asc' }).text,
      /ORDER BY .*"response_by" ASC NULLS FIRST, .*"name" ASC LIMIT/,
    );
    assert.match(
      list({ order_by: 'priority DESC' }).text,
      /"priority" DESC NULLS LAST, .*"name" DESC/,
    );
  });

  it('qualifies columns so an alias cannot change what is sorted', () => {
    const query = list({ fields: ['subject as modified'], order_by: 'modified desc' });
    assert.match(query.text, /ORDER BY "ticket"."hd_ticket"."modified" DESC/);
  });

  it('needs no tie-breaker when already sorted by name; ignores constants', () => {
    assert.match(
      list({ order_by: 'name desc' }).text,
      /ORDER BY "ticket"."hd_ticket"."name" DESC LIMIT/,
    );
    assert.match(
      list({ order_by: 'idx desc' }).text,
      /ORDER BY "ticket"."hd_ticket"."name" DESC LIMIT/,
    );
  });

  it('falls back to the default order for an empty order_by', () => {
    assert.match(
      list({ order_by: '  ' }).text,
      new RegExp(DEFAULT_ORDER.replace(/[."()]/g, '\\$&')),
    );
  });

  it('refuses unknown fields and bad directions, naming them', () => {
    assertRefused(
      () => list({ order_by: 'modified sideways' }),
      /Invalid sort direction in order_by: sideways/,
    );
    assertRefused(() => list({ order_by: 'colour desc' }), /Field not permitted in query: colour/);
    assertRefused(() => list({ order_by: 'modified desc nulls last' }), /not permitted/);
  });
});

describe('paging', () => {
  it('binds limit and offset as parameters', () => {
    const query = list({ limit_start: 40, limit_page_length: 10, filters: { status: 'Open' } });
    assert.match(query.text, /LIMIT \$2 OFFSET \$3$/);
    assert.deepEqual(query.values, ['Open', 10, 40]);
  });

  it('clamps "no limit" to the ceiling', () => {
    assert.deepEqual(list({ limit_page_length: 0 }).values, [5000, 0]);
  });
});

describe('count', () => {
  it('counts with the same filters and permission condition', () => {
    const query = compileCount(
      HD_TICKET,
      parseCountParams({ filters: '{"status":"Open"}', or_filters: '[["priority","=","High"]]' }),
      { ...BERLIN, extraWhere: { text: '"owner" = $1', values: ['me'] } },
    );
    assert.equal(
      query.text,
      `SELECT count(*) AS "count" FROM ${T} WHERE "status" = $1::text AND ("priority" = $2::text) AND ("owner" = $3)`,
    );
    assert.deepEqual(query.values, ['Open', 'High', 'me']);
  });
});

describe('doctype meta', () => {
  it('refuses unsafe identifiers in meta as a programming error', () => {
    const bad = (patch: object) => () =>
      compileCount({ ...HD_TICKET, ...patch }, { filters: [], orFilters: [] }, BERLIN);
    assert.throws(bad({ table: 'ticket.hd_ticket; drop' }), /not a safe identifier/);
    assert.throws(
      bad({ fields: [{ fieldname: 'name', fieldtype: 'Int', column: 'name"' }] }),
      /column "name\\"" is not safe/,
    );
    assert.throws(
      bad({ fields: [{ fieldname: 'subject', fieldtype: 'Data' }] }),
      /must declare the name field/,
    );
  });
});
