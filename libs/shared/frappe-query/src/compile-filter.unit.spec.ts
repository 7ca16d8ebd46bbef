import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRefused, BERLIN, where } from './test-fixtures.js';

describe('comparison operators', () => {
  it('binds every value with a cast for the field type', () => {
    assert.deepEqual(where({ status: 'Open' }), { sql: '"status" = $1::text', values: ['Open'] });
    assert.deepEqual(where([['name', '>', '41']]), { sql: '"name" > $1::bigint', values: [41] });
    assert.deepEqual(where([['feedback_rating', '>=', '0.8']]), {
      sql: '"feedback_rating" >= $1::float8',
      values: [0.8],
    });
    assert.deepEqual(where([['first_response_time', '=>', 60]]), {
      sql: '"first_response_time" >= $1::float8',
      values: [60],
    });
    assert.deepEqual(where([['opening_time', '<=', '9:30']]), {
      sql: '("opening_time" <= $1::time OR "opening_time" IS NULL)',
      values: ['09:30:00.000000'],
    });
  });

  it('!= also matches NULL; = with a value does not', () => {
    assert.deepEqual(where([['priority', '!=', 'High']]), {
      sql: '("priority" <> $1::text OR "priority" IS NULL)',
      values: ['High'],
    });
    assert.deepEqual(where({ priority: 'High' }).sql, '"priority" = $1::text');
  });

  it("= '' and = null match NULL too", () => {
    const expected = { sql: '("customer" = $1::text OR "customer" IS NULL)', values: [''] };
    assert.deepEqual(where({ customer: '' }), expected);
    assert.deepEqual(where({ customer: null }), expected);
    assert.deepEqual(where([['customer', '!=', '']]), {
      sql: '"customer" <> $1::text',
      values: [''],
    });
  });

  it('treats NULL as 0 for numbers', () => {
    assert.deepEqual(where([['first_response_time', '<', 5]]), {
      sql: '("first_response_time" < $1::float8 OR "first_response_time" IS NULL)',
      values: [5],
    });
    assert.equal(
      where([['first_response_time', '>', 5]]).sql,
      '"first_response_time" > $1::float8',
    );
    assert.deepEqual(where({ first_response_time: '' }), {
      sql: '("first_response_time" = $1::float8 OR "first_response_time" IS NULL)',
      values: [0],
    });
    assert.equal(
      where([['first_response_time', '>=', null]]).sql,
      '("first_response_time" >= $1::float8 OR "first_response_time" IS NULL)',
    );
  });

  it('never adds the NULL branch for standard fields, which are never NULL', () => {
    assert.equal(where([['owner', '!=', 'a@example.com']]).sql, '"owner" <> $1::text');
    assert.equal(where([['name', '<', 10]]).sql, '"name" < $1::bigint');
  });

  it('compares Check fields as booleans, accepting Frappe spellings', () => {
    const yes = { sql: '"via_customer_portal" = $1::boolean', values: [true] };
    for (const value of [1, '1', true, 'true', 'Yes']) {
      assert.deepEqual(where({ via_customer_portal: value }), yes, String(value));
    }
    const no = {
      sql: '("via_customer_portal" = $1::boolean OR "via_customer_portal" IS NULL)',
      values: [false],
    };
    for (const value of [0, false, 'No', 'false']) {
      assert.deepEqual(where({ via_customer_portal: value }), no, String(value));
    }
    assertRefused(() => where({ via_customer_portal: 'maybe' }), /via_customer_portal \(Check\)/);
    assertRefused(() => where({ via_customer_portal: 2 }), /via_customer_portal/);
  });

  it('accepts numeric strings for an int-named doctype and refuses anything else', () => {
    assert.deepEqual(where({ name: '0042' }).values, [42]);
    assertRefused(() => where({ name: 'TICKET-1' }), /Invalid value for name \(Int\)/);
    assertRefused(() => where({ name: '1.5' }), /Invalid value for name/);
    assertRefused(() => where({ name: '99999999999999999999' }), /Invalid value for name/);
    assertRefused(() => where([['feedback_rating', '>', 'high']]), /feedback_rating \(Rating\)/);
  });

  it('filters a constant standard field as a literal', () => {
    assert.deepEqual(where({ docstatus: 0 }), { sql: '0 = $1::bigint', values: [0] });
  });
});

describe('datetimes in the site zone', () => {
  it('reads naive values in the site zone, keeping microseconds', () => {
    assert.deepEqual(where([['modified', '>', '2026-11-21 10:00:00.123456']]), {
      sql: '"modified" > $1::timestamptz',
      values: ['2026-11-21T09:00:00.123456Z'],
    });
    // Summer time: Berlin is UTC+2.
    assert.deepEqual(where([['modified', '>', '2026-07-01T10:00']]).values, [
      '2026-07-01T08:00:00.000000Z',
    ]);
  });

  it('honours explicit offsets and Z', () => {
    assert.deepEqual(where([['modified', '<', '2026-11-21T10:00:00Z']]).values, [
      '2026-11-21T10:00:00.000000Z',
    ]);
    assert.deepEqual(where([['modified', '<', '2026-11-21 10:00:00+05:30']]).values, [
      '2026-11-21T04:30:00.000000Z',
    ]);
  });

  it('moves a time inside the spring-forward gap forward; takes the first of a repeated hour', () => {
    assert.deepEqual(where([['modified', '>', '2026-03-29 02:30:00']]).values, [
      '2026-03-29T01:30:00.000000Z',
    ]);
    assert.deepEqual(where([['modified', '>', '2026-10-25 02:30:00']]).values, [
      '2026-10-25T00:30:00.000000Z',
    ]);
  });

  it('treats a bare date as that whole day for = and !=, its midnight otherwise', () => {
    assert.deepEqual(where({ creation: '2026-03-29' }), {
      sql: '("creation" >= $1::timestamptz AND "creation" < $2::timestamptz)',
      values: ['2026-03-28T23:00:00.000000Z', '2026-03-29T22:00:00.000000Z'],
    });
    assert.deepEqual(where([['response_by', '!=', '2026-03-29']]), {
      sql: '(("response_by" < $1::timestamptz OR "response_by" >= $2::timestamptz) OR "response_by" IS NULL)',
      values: ['2026-03-28T23:00:00.000000Z', '2026-03-29T22:00:00.000000Z'],
    });
    assert.deepEqual(where([['creation', '>=', '2026-03-29']]).values, [
      '2026-03-28T23:00:00.000000Z',
    ]);
  });

  it('keeps Frappe semantics for NULL datetimes: an unset date sorts before every date', () => {
    assert.equal(
      where([['response_by', '<', '2026-03-29 12:00']]).sql,
      '("response_by" < $1::timestamptz OR "response_by" IS NULL)',
    );
    assert.equal(
      where([['response_by', '>', '2026-03-29 12:00']]).sql,
      '"response_by" > $1::timestamptz',
    );
  });

  it('takes the site-zone day of a Date value given as an instant', () => {
    assert.deepEqual(where({ opening_date: '2026-11-21' }).values, ['2026-11-21']);
    assert.deepEqual(where({ opening_date: '2026-11-21 10:00:00' }).values, ['2026-11-21']);
    assert.deepEqual(where({ opening_date: '2026-11-21T23:30:00Z' }).values, ['2026-11-22']);
  });

  it('refuses impossible dates and times', () => {
    for (const value of [
      '2026-02-30',
      '2026-13-01',
      '2026-11-21 24:00',
      'yesterday',
      '21/11/2026',
      5,
    ]) {
      assertRefused(() => where({ creation: value }), /Invalid value for creation \(Datetime\)/);
    }
    assertRefused(() => where({ opening_time: '25:00' }), /opening_time \(Time\)/);
  });
});

describe('like', () => {
  it('is case-insensitive and escapes backslashes', () => {
    assert.deepEqual(where([['subject', 'LIKE', '%Printer\\%']]), {
      sql: '"subject" ILIKE $1::text',
      values: ['%Printer\\\\%'],
    });
  });

  it('matches JSON columns on their text form', () => {
    assert.deepEqual(where({ _assign: ['like', '%agent@example.com%'] }), {
      sql: '"_assign"::text ILIKE $1::text',
      values: ['%agent@example.com%'],
    });
  });

  it('not like also matches NULL unless the pattern matches the empty string', () => {
    assert.equal(
      where([['subject', 'not like', '%x%']]).sql,
      '("subject" NOT ILIKE $1::text OR "subject" IS NULL)',
    );
    assert.equal(where([['subject', 'not like', '%']]).sql, '"subject" NOT ILIKE $1::text');
  });

  it('matches other types on their text, datetimes in the site zone', () => {
    assert.equal(where([['name', 'like', '4%']]).sql, '"name"::text ILIKE $1::text');
    assert.deepEqual(where([['creation', 'like', '2026-03%']]), {
      sql: `to_char("creation" AT TIME ZONE $1::text, 'YYYY-MM-DD HH24:MI:SS.US') ILIKE $2::text`,
      values: ['Europe/Berlin', '2026-03%'],
    });
  });
});

describe('in and not in', () => {
  it('binds the list as one array parameter', () => {
    assert.deepEqual(where({ status: ['in', ['Open', 'Replied']] }), {
      sql: '"status" = ANY($1::text[])',
      values: [['Open', 'Replied']],
    });
    assert.deepEqual(where([['name', 'in', '1, 2,3']]), {
      sql: '"name" = ANY($1::bigint[])',
      values: [[1, 2, 3]],
    });
  });

  it('not in matches NULL; in matches NULL only when the list holds the empty value', () => {
    assert.deepEqual(where([['priority', 'not in', ['Low', 'Medium']]]), {
      sql: '("priority" <> ALL($1::text[]) OR "priority" IS NULL)',
      values: [['Low', 'Medium']],
    });
    assert.equal(
      where([['priority', 'in', ['High', '']]]).sql,
      '("priority" = ANY($1::text[]) OR "priority" IS NULL)',
    );
    assert.equal(where([['priority', 'not in', ['', 'Low']]]).sql, '"priority" <> ALL($1::text[])');
  });

  it('an empty list selects nothing for in and everything for not in', () => {
    assert.deepEqual(where([['status', 'in', []]]), { sql: 'FALSE', values: [] });
    assert.deepEqual(where([['status', 'not in', []]]), { sql: 'TRUE', values: [] });
  });

  it('converts each element for the field', () => {
    assertRefused(() => where([['name', 'in', ['1', 'two']]]), /Invalid value for name/);
  });
});

describe('is set / is not set', () => {
  it('counts the empty string as not set on text fields', () => {
    assert.equal(
      where({ priority: ['is', 'set'] }).sql,
      `("priority" IS NOT NULL AND "priority" <> '')`,
    );
    assert.equal(
      where({ priority: ['is', 'Not Set'] }).sql,
      `("priority" IS NULL OR "priority" = '')`,
    );
    assert.deepEqual(where({ priority: ['is', 'set'] }).values, []);
  });

  it('counts an empty JSON list as not set', () => {
    assert.equal(
      where({ _assign: ['is', 'not set'] }).sql,
      `("_assign" IS NULL OR "_assign"::text IN ('""', '[]', '{}', 'null'))`,
    );
  });

  it('is plain NULL-ness for other types', () => {
    assert.equal(where({ response_by: ['is', 'set'] }).sql, '"response_by" IS NOT NULL');
    assert.equal(
      where({ first_response_time: ['is', 'not set'] }).sql,
      '"first_response_time" IS NULL',
    );
  });

  it('accepts only set and not set', () => {
    assertRefused(() => where({ priority: ['is', 'null'] }), /"set" or "not set"/);
  });
});

describe('between', () => {
  it('covers the whole of a date-only end day on a Datetime field', () => {
    assert.deepEqual(where([['creation', 'Between', ['2026-03-01', '2026-03-29']]]), {
      sql: '("creation" >= $1::timestamptz AND "creation" < $2::timestamptz)',
      values: ['2026-02-28T23:00:00.000000Z', '2026-03-29T22:00:00.000000Z'],
    });
  });

  it('keeps an end with a time exact', () => {
    assert.deepEqual(where([['creation', 'between', ['2026-03-01 08:00', '2026-03-01 17:00']]]), {
      sql: '"creation" BETWEEN $1::timestamptz AND $2::timestamptz',
      values: ['2026-03-01T07:00:00.000000Z', '2026-03-01T16:00:00.000000Z'],
    });
  });

  it('works on dates and numbers, matching NULL when the range holds the empty value', () => {
    assert.deepEqual(where([['opening_date', 'between', ['2026-03-01', '2026-03-31']]]), {
      sql: '"opening_date" BETWEEN $1::date AND $2::date',
      values: ['2026-03-01', '2026-03-31'],
    });
    assert.equal(
      where([['first_response_time', 'between', [0, 60]]]).sql,
      '("first_response_time" BETWEEN $1::float8 AND $2::float8 OR "first_response_time" IS NULL)',
    );
  });

  it('needs exactly two ends', () => {
    assertRefused(
      () => where([['creation', 'between', '2026-03-01']]),
      /between needs \[from, to\]/,
    );
    assertRefused(() => where([['creation', 'between', ['2026-03-01']]]), /between needs/);
    assertRefused(() => where([['creation', 'between', ['2026-03-01', null]]]), /between needs/);
  });
});

describe('filter shapes in SQL', () => {
  it('ANDs filters and ANDs the or_filters in as one group', () => {
    assert.deepEqual(
      where({ agent_group: 'Billing' }, [
        ['status', '=', 'Open'],
        ['priority', '=', 'Urgent'],
      ]),
      {
        sql: '"agent_group" = $1::text AND ("status" = $2::text OR "priority" = $3::text)',
        values: ['Billing', 'Open', 'Urgent'],
      },
    );
  });

  it('accepts Frappe quoting forms for field names', () => {
    for (const field of [
      '`tabHD Ticket`.`status`',
      'tabHD Ticket.status',
      '`status`',
      '"tabHD Ticket"."status"',
    ]) {
      assert.equal(where([[field, '=', 'Open']]).sql, '"status" = $1::text', field);
    }
  });

  it('maps a field to its column', () => {
    assert.equal(where({ title: 'Printer' }).sql, '"subject" = $1::text');
  });

  it('accepts the 4-element form only for the queried doctype', () => {
    assert.equal(where([['HD Ticket', 'status', '=', 'Open']]).sql, '"status" = $1::text');
    assertRefused(
      () => where([['HD Ticket Comment', 'content', 'like', '%x%']]),
      /Filters on HD Ticket Comment are not supported/,
    );
  });

  it('ANDs the permission condition, renumbering its placeholders', () => {
    const context = {
      ...BERLIN,
      extraWhere: { text: '"owner" = $1 OR "agent_group" = ANY($2)', values: ['me', ['Billing']] },
    };
    assert.deepEqual(where({ status: 'Open' }, [], context), {
      sql: '"status" = $1::text AND ("owner" = $2 OR "agent_group" = ANY($3))',
      values: ['Open', 'me', ['Billing']],
    });
    const unfiltered = where({}, [], context);
    assert.equal(unfiltered.sql, '("owner" = $1 OR "agent_group" = ANY($2))');
  });

  it('refuses a permission condition that uses more placeholders than values', () => {
    const context = { ...BERLIN, extraWhere: { text: '"owner" = $2', values: ['me'] } };
    assert.throws(() => where({}, [], context), /uses \$2 but has 1 values/);
  });
});
