import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import pg from 'pg';
import { compileCount, compileList, type QueryContext } from './compile-list.js';
import { parseCountParams, parseListParams, parseValueParams } from './list-params.js';
import { renderList } from './render-row.js';
import { BERLIN, HD_TICKET } from './test-fixtures.js';

// Shaped like ticket.hd_ticket (plus opening_time): NULLs, '' values, booleans, jsonb, timestamps.
const DDL = `
  CREATE SCHEMA ticket;
  CREATE TABLE ticket.hd_ticket (
    name bigint PRIMARY KEY,
    owner text NOT NULL,
    creation timestamptz NOT NULL,
    modified timestamptz NOT NULL,
    modified_by text NOT NULL,
    subject text NOT NULL,
    raised_by text NOT NULL,
    status text NOT NULL,
    priority text,
    agent_group text,
    customer text,
    via_customer_portal boolean NOT NULL DEFAULT false,
    opening_date date NOT NULL,
    opening_time time,
    _assign jsonb,
    response_by timestamptz,
    first_response_time double precision,
    feedback_rating double precision,
    description text
  )`;

interface Seed {
  name: number;
  status: string;
  priority: string | null;
  team: string | null;
  customer: string | null;
  portal: boolean;
  modified: string;
  opening: string;
  time: string | null;
  assign: string[] | null;
  responseBy: string | null;
  frt: number | null;
  rating: number | null;
  subject: string;
}

type Row = [
  name: number,
  status: string,
  priority: string | null,
  team: string | null,
  customer: string | null,
  portal: boolean,
  modified: string,
  opening: string,
  time: string | null,
  assign: string[] | null,
  responseBy: string | null,
  frt: number | null,
  rating: number | null,
  subject: string,
];

// The five rows every operator is checked against. Berlin is UTC+1 until 2026-03-29 01:00 UTC,
// UTC+2 after: row 1 responds at 01:30 CET, row 3 at 03:30 CEST the same night.
// prettier-ignore
const SPECIAL: Seed[] = ([
  [1, 'Open',     'High',   'Billing', 'Acme',   false, '2026-03-20T10:00:00Z',        '2026-03-20', '09:00', ['a@x.com'],            '2026-03-29T00:30:00Z', 30,   1,    'Printer on fire'],
  [2, 'Open',     null,     'Billing', null,     true,  '2026-03-22T22:59:59Z',        '2026-03-22', null,    [],                     null,                   null, null, 'printer jammed'],
  [3, 'Replied',  'Low',    null,      'Globex', false, '2026-03-22T23:00:00Z',        '2026-03-23', '14:30', ['b@x.com', 'a@x.com'], '2026-03-29T01:30:00Z', 0,    0.2,  '100% done'],
  [4, 'Resolved', '',       'Support', '',       true,  '2026-03-29T21:59:59.999999Z', '2026-03-29', null,    null,                   null,                   120,  0.6,  'back\\slash'],
  [5, 'Closed',   'Medium', 'Support', 'Acme',   false, '2026-03-29T22:00:00Z',        '2026-03-30', '18:00', ['c@x.com'],            '2026-03-31T08:00:00Z', 5.5,  0.8,  'Email bounce'],
] satisfies Row[]).map(
  ([name, status, priority, team, customer, portal, modified, opening, time, assign, responseBy, frt, rating, subject]) =>
    ({ name, status, priority, team, customer, portal, modified, opening, time, assign, responseBy, frt, rating, subject }),
);

// 25 rows sharing one modified timestamp: paging is only stable with a tie-breaker.
const BULK: Seed[] = Array.from({ length: 25 }, (_, i) => {
  const name = i + 6;
  return {
    name,
    status: name % 2 === 0 ? 'Open' : 'Replied',
    priority: ['Low', 'Medium', 'High', null][name % 4] ?? null,
    team: 'Support',
    customer: 'Initech',
    portal: name % 3 === 0,
    modified: '2026-03-25T12:00:00Z',
    opening: '2026-03-25',
    time: null,
    assign: null,
    responseBy: null,
    frt: name,
    rating: null,
    subject: `Bulk ticket ${name}`,
  };
});

describe('compiled queries against Postgres', () => {
  let db: TestDatabase;
  let client: pg.Client;

  before(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // A session zone far from the site zone: results must not depend on it.
    await client.query(`SET TIME ZONE 'Pacific/Auckland'`);
    await client.query(DDL);
    for (const seed of [...SPECIAL, ...BULK]) {
      await client.query(
        `INSERT INTO ticket.hd_ticket VALUES ($1, 'owner@x.com', $2, $3, 'owner@x.com', $4,
           'customer@x.com', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL)`,
        [
          seed.name,
          new Date(Date.UTC(2026, 2, 1, 0, seed.name)),
          seed.modified,
          seed.subject,
          seed.status,
          seed.priority,
          seed.team,
          seed.customer,
          seed.portal,
          seed.opening,
          seed.time,
          seed.assign === null ? null : JSON.stringify(seed.assign),
          seed.responseBy,
          seed.frt,
          seed.rating,
        ],
      );
    }
  });

  after(async () => {
    await client.end();
    await db.drop();
  });

  async function run(raw: Record<string, unknown>, context: QueryContext = BERLIN) {
    const query = compileList(HD_TICKET, parseListParams(raw), context);
    const { rows } = await client.query<Record<string, unknown>>(query.text, query.values);
    return { query, rows };
  }

  async function names(raw: Record<string, unknown>, context: QueryContext = BERLIN) {
    const { rows } = await run({ order_by: 'name asc', limit_page_length: 0, ...raw }, context);
    return rows.map((row) => Number(row.name));
  }

  /** Names among the five special rows matching the conditions. */
  const special = (...conditions: unknown[][]) =>
    names({ filters: [['name', '<=', 5], ...conditions] });

  it('=, != and the empty value, with NULL matching as Frappe does', async () => {
    assert.deepEqual(await special(['status', '=', 'Open']), [1, 2]);
    assert.deepEqual(await special(['priority', '!=', 'High']), [2, 3, 4, 5]);
    assert.deepEqual(await special(['priority', '=', '']), [2, 4]);
    assert.deepEqual(await special(['priority', '=', null]), [2, 4]);
    assert.deepEqual(await special(['customer', '!=', '']), [1, 3, 5]);
    assert.deepEqual(await special(['title', '=', 'Email bounce']), [5]);
    assert.deepEqual(await special(['docstatus', '=', 0]), [1, 2, 3, 4, 5]);
    assert.deepEqual(await special(['docstatus', '=', 1]), []);
  });

  it('numbers: NULL compares as 0', async () => {
    assert.deepEqual(await special(['first_response_time', '<', 10]), [2, 3, 5]);
    assert.deepEqual(await special(['first_response_time', '>', 10]), [1, 4]);
    assert.deepEqual(await special(['first_response_time', '=', 0]), [2, 3]);
    assert.deepEqual(await special(['first_response_time', '=', '']), [2, 3]);
    assert.deepEqual(await special(['feedback_rating', '>=', '0.6']), [1, 4, 5]);
    assert.deepEqual(await special(['name', 'in', '1, 3']), [1, 3]);
    assert.deepEqual(await special(['name', '>', '0003']), [4, 5]);
  });

  it('checks compare as booleans', async () => {
    assert.deepEqual(await special(['via_customer_portal', '=', 1]), [2, 4]);
    assert.deepEqual(await special(['via_customer_portal', '=', 'No']), [1, 3, 5]);
    assert.deepEqual(await special(['via_customer_portal', '!=', true]), [1, 3, 5]);
  });

  it('like and not like: case-insensitive, literal backslash, JSON on its text', async () => {
    assert.deepEqual(await special(['subject', 'LIKE', '%printer%']), [1, 2]);
    assert.deepEqual(await special(['subject', 'not like', '%printer%']), [3, 4, 5]);
    assert.deepEqual(await special(['subject', 'like', '100%']), [3]);
    assert.deepEqual(await special(['subject', 'like', '%back\\slash%']), [4]);
    assert.deepEqual(await special(['_assign', 'like', '%a@x.com%']), [1, 3]);
    assert.deepEqual(await special(['_assign', 'not like', '%a@x.com%']), [2, 4, 5]);
    assert.deepEqual(await special(['_assign', '=', '["a@x.com"]']), [1]);
    assert.deepEqual(await special(['modified', 'like', '2026-03-30%']), [5]);
  });

  it('in and not in, including empty lists and the empty value', async () => {
    assert.deepEqual(await special(['customer', 'in', ['Acme', 'Globex']]), [1, 3, 5]);
    assert.deepEqual(await special(['customer', 'not in', ['Acme']]), [2, 3, 4]);
    assert.deepEqual(await special(['customer', 'in', ['Acme', '']]), [1, 2, 4, 5]);
    assert.deepEqual(await special(['customer', 'in', []]), []);
    assert.deepEqual(await special(['customer', 'not in', []]), [1, 2, 3, 4, 5]);
    assert.deepEqual(await special(['status', 'in', 'Replied,Closed']), [3, 5]);
  });

  it('is set / is not set, an empty assignment list counting as not set', async () => {
    assert.deepEqual(await special(['priority', 'is', 'set']), [1, 3, 5]);
    assert.deepEqual(await special(['priority', 'is', 'not set']), [2, 4]);
    assert.deepEqual(await special(['_assign', 'is', 'set']), [1, 3, 5]);
    assert.deepEqual(await special(['_assign', 'is', 'not set']), [2, 4]);
    assert.deepEqual(await special(['response_by', 'is', 'not set']), [2, 4]);
    assert.deepEqual(await special(['opening_time', 'is', 'set']), [1, 3, 5]);
  });

  it('datetimes are site-zone wall clock, across the DST gap, to the microsecond', async () => {
    // 03:00 CEST is 01:00 UTC; an unset datetime sorts before every date, as in Frappe.
    assert.deepEqual(await special(['response_by', '<', '2026-03-29 03:00:00']), [1, 2, 4]);
    // 02:30 does not exist that night in Berlin: it means 03:30 CEST (01:30 UTC).
    assert.deepEqual(await special(['response_by', '>', '2026-03-29 02:30:00']), [5]);
    assert.deepEqual(await special(['response_by', '>=', '2026-03-29 02:30:00']), [3, 5]);
    assert.deepEqual(await special(['response_by', '=', '2026-03-29']), [1, 3]);
    assert.deepEqual(await special(['modified', '<=', '2026-03-29 23:59:59.999999']), [1, 2, 3, 4]);
    assert.deepEqual(await special(['modified', '<', '2026-03-29 23:59:59.999999']), [1, 2, 3]);
    assert.deepEqual(await special(['modified', '>=', '2026-03-30T00:00:00+02:00']), [5]);
  });

  it('between: a date-only end covers its whole site-zone day', async () => {
    assert.deepEqual(
      await special(['response_by', 'between', ['2026-03-29', '2026-03-29']]),
      [1, 3],
    );
    assert.deepEqual(await special(['modified', 'Between', ['2026-03-23', '2026-03-29']]), [3, 4]);
    assert.deepEqual(
      await special(['opening_date', 'between', ['2026-03-20', '2026-03-22']]),
      [1, 2],
    );
    assert.deepEqual(await special(['first_response_time', 'between', [0, 10]]), [2, 3, 5]);
  });

  it('timespan, previous and next follow the site calendar', async () => {
    // Tuesday 2026-03-31 in Berlin: last week is Mon 23 to Sun 29 March.
    assert.deepEqual(await special(['modified', 'timespan', 'last week']), [3, 4]);
    assert.deepEqual(await special(['modified', 'timespan', 'this week']), [5]);
    assert.deepEqual(await special(['modified', 'previous', '1 week']), [3, 4]);
    assert.deepEqual(await special(['opening_date', 'timespan', 'last week']), [3, 4]);
    assert.deepEqual(await special(['opening_date', '>', '2026-03-29']), [5]);
    assert.deepEqual(await special(['modified', 'timespan', 'last 7 days']), [4, 5]);
    assert.deepEqual(await names({ filters: { modified: ['timespan', 'last week'] } }), [
      3,
      4,
      ...BULK.map((seed) => seed.name),
    ]);
  });

  it('time fields compare as times, NULL as midnight', async () => {
    assert.deepEqual(await special(['opening_time', '>', '10:00']), [3, 5]);
    assert.deepEqual(await special(['opening_time', '<', '10:00']), [1, 2, 4]);
  });

  it('ANDs or_filters as one group and the permission condition', async () => {
    const both = await names({
      filters: [
        ['name', '<=', 5],
        ['agent_group', '!=', 'Support'],
      ],
      or_filters: [
        ['status', '=', 'Replied'],
        ['priority', '=', 'High'],
      ],
    });
    assert.deepEqual(both, [1, 3]);
    const permitted = await names(
      { filters: { status: 'Open' } },
      {
        ...BERLIN,
        extraWhere: { text: 'agent_group = $1 AND name < $2', values: ['Billing', 100] },
      },
    );
    assert.deepEqual(permitted, [1, 2]);
  });

  it('pages stably through ties in the sort key', async () => {
    const all = (await run({ limit_page_length: 0 })).rows.map((row) => Number(row.name));
    assert.equal(all.length, 30);
    assert.deepEqual(all.slice(0, 2), [5, 4]);
    assert.deepEqual(all.slice(2, 27), BULK.map((seed) => seed.name).reverse());
    const paged: number[] = [];
    for (let start = 0; start < 35; start += 7) {
      const { rows } = await run({ limit_start: start, limit_page_length: 7 });
      paged.push(...rows.map((row) => Number(row.name)));
    }
    assert.deepEqual(paged, all);
  });

  it('counts with the same filters', async () => {
    const count = async (raw: Record<string, unknown>, context: QueryContext = BERLIN) => {
      const query = compileCount(HD_TICKET, parseCountParams(raw), context);
      const { rows } = await client.query<{ count: string }>(query.text, query.values);
      return Number(rows[0]?.count);
    };
    assert.equal(await count({}), 30);
    assert.equal(await count({ filters: '{"status":"Open"}' }), 15);
    assert.equal(await count({ filters: { priority: ['!=', 'High'] } }), 22);
    assert.equal(
      await count({}, { ...BERLIN, extraWhere: { text: 'customer = $1', values: ['Acme'] } }),
      2,
    );
  });

  it('groups and aggregates in both syntaxes', async () => {
    const { query, rows } = await run({
      fields: ['status', { COUNT: 'name', as: 'count' }, 'sum(first_response_time) as total'],
      group_by: 'status',
      order_by: 'count desc',
    });
    const rendered = renderList(HD_TICKET, query, rows, {
      timeZone: 'Europe/Berlin',
      asDict: true,
    });
    const open = BULK.filter((seed) => seed.status === 'Open');
    const replied = BULK.filter((seed) => seed.status === 'Replied');
    const sum = (seeds: Seed[]) => seeds.reduce((total, seed) => total + (seed.frt ?? 0), 0);
    assert.deepEqual(rendered, [
      { status: 'Open', count: 15, total: 30 + sum(open) },
      { status: 'Replied', count: 13, total: 0 + sum(replied) },
      { status: 'Closed', count: 1, total: 5.5 },
      { status: 'Resolved', count: 1, total: 120 },
    ]);
    const total = await run({ fields: ['count(name) as count'], filters: { status: 'Open' } });
    assert.deepEqual(
      total.rows.map((row) => Number(row.count)),
      [15],
    );
  });

  it('renders rows as Frappe wire values, as dicts or lists', async () => {
    const { query, rows } = await run({
      fields: ['*'],
      filters: { name: ['in', [3, 4]] },
      order_by: 'name asc',
    });
    const [third, fourth] = renderList(HD_TICKET, query, rows, {
      timeZone: 'Europe/Berlin',
      asDict: true,
    }) as Record<string, unknown>[];
    assert.deepEqual(
      {
        name: third?.name,
        modified: third?.modified,
        opening_date: third?.opening_date,
        opening_time: third?.opening_time,
        _assign: third?._assign,
        portal: third?.via_customer_portal,
        response_by: third?.response_by,
        docstatus: third?.docstatus,
      },
      {
        name: 3,
        modified: '2026-03-23 00:00:00.000000',
        opening_date: '2026-03-23',
        opening_time: '14:30:00',
        _assign: '["b@x.com", "a@x.com"]',
        portal: 0,
        response_by: '2026-03-29 03:30:00.000000',
        docstatus: 0,
      },
    );
    assert.equal(fourth?.via_customer_portal, 1);
    assert.equal(fourth?._assign, null);
    assert.equal(fourth?.modified, '2026-03-29 23:59:59.999000');
    const lists = await run({
      fields: ['name', 'subject', 'creation'],
      filters: { name: 1 },
      as_dict: 0,
    });
    assert.deepEqual(
      renderList(HD_TICKET, lists.query, lists.rows, { timeZone: 'Europe/Berlin', asDict: false }),
      [[1, 'Printer on fire', '2026-03-01 01:01:00.000000']],
    );
  });

  it('answers get_value as a one-row query', async () => {
    const query = compileList(
      HD_TICKET,
      parseValueParams({ fieldname: 'subject', filters: '3' }),
      BERLIN,
    );
    const { rows } = await client.query(query.text, query.values);
    assert.deepEqual(rows, [{ subject: '100% done' }]);
  });
});
