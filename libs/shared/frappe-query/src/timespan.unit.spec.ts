import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteTimeToInstant, startOfSiteDay, zoneOffset } from './site-time.js';
import { assertRefused, BERLIN, where } from './test-fixtures.js';
import { periodRange, timespanRange } from './timespan.js';

const iso = (ms: number) => new Date(ms).toISOString();
const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };

/** The UTC bounds a Datetime timespan filter binds, [from, until). */
function bounds(value: string, context = BERLIN): [unknown, unknown] {
  const { sql, values } = where([['creation', 'timespan', value]], [], context);
  assert.equal(sql, '("creation" >= $1::timestamptz AND "creation" < $2::timestamptz)');
  return [values[0], values[1]];
}

describe('site zone arithmetic', () => {
  it('knows the offset on both sides of a change', () => {
    assert.equal(zoneOffset(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Berlin'), 3_600_000);
    assert.equal(zoneOffset(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin'), 7_200_000);
    assert.equal(zoneOffset(Date.parse('2026-03-29T01:00:00Z'), 'Asia/Kolkata'), 19_800_000);
  });

  it('makes the spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    const day = (date: string) =>
      (startOfSiteDay(date === '2026-03-29' ? '2026-03-30' : '2026-10-26', 'Europe/Berlin') -
        startOfSiteDay(date, 'Europe/Berlin')) /
      3_600_000;
    assert.equal(day('2026-03-29'), 23);
    assert.equal(day('2026-10-25'), 25);
  });

  it('finds the first instant of a day that starts with a gap', () => {
    // Chile moves its clocks from 00:00 to 01:00 in September: the day begins at 01:00.
    const start = siteTimeToInstant('2026-09-06', midnight, 'America/Santiago');
    assert.equal(iso(start), '2026-09-06T04:00:00.000Z');
  });
});

describe('timespan in Europe/Berlin on Tuesday 2026-03-31 (the week after the DST change)', () => {
  const cases: Record<string, [string, string]> = {
    today: ['2026-03-30T22:00:00.000000Z', '2026-03-31T22:00:00.000000Z'],
    yesterday: ['2026-03-29T22:00:00.000000Z', '2026-03-30T22:00:00.000000Z'],
    tomorrow: ['2026-03-31T22:00:00.000000Z', '2026-04-01T22:00:00.000000Z'],
    'this week': ['2026-03-29T22:00:00.000000Z', '2026-04-05T22:00:00.000000Z'],
    // Monday 23 March (CET, UTC+1) to the end of Sunday 29 March (CEST, UTC+2): 167 hours.
    'last week': ['2026-03-22T23:00:00.000000Z', '2026-03-29T22:00:00.000000Z'],
    'next week': ['2026-04-05T22:00:00.000000Z', '2026-04-12T22:00:00.000000Z'],
    'this month': ['2026-02-28T23:00:00.000000Z', '2026-03-31T22:00:00.000000Z'],
    'last month': ['2026-01-31T23:00:00.000000Z', '2026-02-28T23:00:00.000000Z'],
    'next month': ['2026-03-31T22:00:00.000000Z', '2026-04-30T22:00:00.000000Z'],
    'this quarter': ['2025-12-31T23:00:00.000000Z', '2026-03-31T22:00:00.000000Z'],
    'last quarter': ['2025-09-30T22:00:00.000000Z', '2025-12-31T23:00:00.000000Z'],
    'next quarter': ['2026-03-31T22:00:00.000000Z', '2026-06-30T22:00:00.000000Z'],
    'last 6 months': ['2025-06-30T22:00:00.000000Z', '2025-12-31T23:00:00.000000Z'],
    'next 6 months': ['2026-03-31T22:00:00.000000Z', '2026-09-30T22:00:00.000000Z'],
    'this year': ['2025-12-31T23:00:00.000000Z', '2026-12-31T23:00:00.000000Z'],
    'last year': ['2024-12-31T23:00:00.000000Z', '2025-12-31T23:00:00.000000Z'],
    'next year': ['2026-12-31T23:00:00.000000Z', '2027-12-31T23:00:00.000000Z'],
    'last 7 days': ['2026-03-23T23:00:00.000000Z', '2026-03-31T22:00:00.000000Z'],
    'last 90 days': ['2025-12-30T23:00:00.000000Z', '2026-03-31T22:00:00.000000Z'],
    'next 14 days': ['2026-03-30T22:00:00.000000Z', '2026-04-14T22:00:00.000000Z'],
  };
  for (const [timespan, expected] of Object.entries(cases)) {
    it(timespan, () => assert.deepEqual(bounds(timespan), expected));
  }

  it('matches the value case-insensitively', () => {
    assert.deepEqual(bounds('Last  Week'), cases['last week']);
  });

  it('computes "today" from the site day, not the UTC day', () => {
    const lateEvening = { timeZone: 'Europe/Berlin', now: new Date('2026-03-31T22:30:00Z') };
    assert.deepEqual(bounds('today', lateEvening), [
      '2026-03-31T22:00:00.000000Z',
      '2026-04-01T22:00:00.000000Z',
    ]);
  });

  it('gives the DST days their true length', () => {
    const onSpringDay = { timeZone: 'Europe/Berlin', now: new Date('2026-03-29T12:00:00Z') };
    assert.deepEqual(bounds('today', onSpringDay), [
      '2026-03-28T23:00:00.000000Z',
      '2026-03-29T22:00:00.000000Z',
    ]);
    const onAutumnDay = { timeZone: 'Europe/Berlin', now: new Date('2026-10-25T12:00:00Z') };
    assert.deepEqual(bounds('today', onAutumnDay), [
      '2026-10-24T22:00:00.000000Z',
      '2026-10-25T23:00:00.000000Z',
    ]);
  });

  it('compares Date fields by calendar day', () => {
    assert.deepEqual(where([['opening_date', 'timespan', 'last week']]), {
      sql: '"opening_date" BETWEEN $1::date AND $2::date',
      values: ['2026-03-23', '2026-03-29'],
    });
  });

  it('refuses unknown timespans and non-date fields', () => {
    assertRefused(
      () => where([['creation', 'timespan', 'last fortnight']]),
      /Unsupported timespan: last fortnight/,
    );
    assertRefused(() => where([['creation', 'timespan', ['today']]]), /Unsupported timespan/);
    assertRefused(
      () => where([['subject', 'timespan', 'today']]),
      /subject is not a Date or Datetime field/,
    );
  });
});

describe('previous and next', () => {
  const { now, timeZone } = BERLIN;

  it('map onto the matching timespan', () => {
    assert.deepEqual(
      periodRange('previous', '1 week', now, timeZone),
      timespanRange('last week', now, timeZone),
    );
    assert.deepEqual(periodRange('previous', '1 month', now, timeZone), {
      from: '2026-02-01',
      to: '2026-02-28',
    });
    assert.deepEqual(periodRange('previous', '3 months', now, timeZone), {
      from: '2025-10-01',
      to: '2025-12-31',
    });
    assert.deepEqual(periodRange('previous', '6 months', now, timeZone), {
      from: '2025-07-01',
      to: '2025-12-31',
    });
    assert.deepEqual(periodRange('next', '1 year', now, timeZone), {
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });

  it('compile like timespan', () => {
    assert.deepEqual(where([['creation', 'previous', '1 week']]).values, [
      '2026-03-22T23:00:00.000000Z',
      '2026-03-29T22:00:00.000000Z',
    ]);
  });

  it('refuse other periods', () => {
    assertRefused(
      () => where([['creation', 'next', '2 weeks']]),
      /Unsupported period for next: 2 weeks/,
    );
  });
});
