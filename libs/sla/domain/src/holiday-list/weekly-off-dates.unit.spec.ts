import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertViolation } from '../agreement/testing/agreement.fixtures.js';
import { weeklyOffDates } from './weekly-off-dates.js';

const sunday = (holiday_date: string) => ({
  holiday_date,
  description: 'Sunday',
  weekly_off: 1 as const,
});

describe('weeklyOffDates (get_weekly_off_dates)', () => {
  it('given a weekly off day, when "Add to Holidays" runs, then every such weekday in the range is appended in order', () => {
    const list = {
      from_date: '2027-01-01',
      to_date: '2027-01-31',
      weekly_off: 'Sunday' as const,
      holidays: [{ holiday_date: '2027-01-01', description: 'New Year', weekly_off: 0 as const }],
    };
    assert.deepEqual(weeklyOffDates(list), [
      { holiday_date: '2027-01-01', description: 'New Year', weekly_off: 0 },
      sunday('2027-01-03'),
      sunday('2027-01-10'),
      sunday('2027-01-17'),
      sunday('2027-01-24'),
      sunday('2027-01-31'),
    ]);
  });

  it('skips dates already listed and includes both ends of the range', () => {
    const list = {
      from_date: '2027-01-03',
      to_date: '2027-01-17',
      weekly_off: 'Sunday' as const,
      holidays: [
        { holiday_date: '2027-01-10', description: 'Already off', weekly_off: 0 as const },
      ],
    };
    assert.deepEqual(weeklyOffDates(list), [
      { holiday_date: '2027-01-10', description: 'Already off', weekly_off: 0 },
      sunday('2027-01-03'),
      sunday('2027-01-17'),
    ]);
    assert.deepEqual(
      weeklyOffDates(list).length,
      weeklyOffDates({ ...list, holidays: weeklyOffDates(list) }).length,
    );
  });

  it('refuses without a weekly off day, as Frappe does', () => {
    assertViolation(
      () =>
        weeklyOffDates({
          from_date: '2027-01-01',
          to_date: '2027-12-31',
          weekly_off: null,
          holidays: [],
        }),
      'ValidationError',
      'Please select weekly off day',
    );
  });
});
