import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOutsideWorkingHours } from './outside-working-hours.js';
import { WEEK, seededCalendar, wallClock } from './testing/seeded-calendar.fixtures.js';

describe('isOutsideWorkingHours', () => {
  const calendar = seededCalendar('Europe/Berlin', [WEEK.Wed]);
  const at = wallClock('+01:00');
  const outside = (date: string, time: string) => isOutsideWorkingHours(calendar, at(date, time));

  it('is inside from opening time up to, not including, closing time', () => {
    assert.equal(outside(WEEK.Mon, '09:59:59'), true);
    assert.equal(outside(WEEK.Mon, '10:00'), false);
    assert.equal(outside(WEEK.Mon, '17:59:59'), false);
    assert.equal(outside(WEEK.Mon, '18:00'), true);
  });

  it('is outside all day on a holiday and on a weekday without hours', () => {
    assert.equal(outside(WEEK.Wed, '12:00'), true);
    assert.equal(outside(WEEK.Sat, '12:00'), true);
  });

  it("reads the day and time on the calendar's wall clock, not UTC's", () => {
    const kolkata = seededCalendar('Asia/Kolkata');
    // Sunday 20:00 UTC is Monday 01:30 in Kolkata; Monday 04:30 UTC is its opening, 10:00.
    assert.equal(isOutsideWorkingHours(kolkata, new Date('2026-11-22T20:00:00Z')), true);
    assert.equal(isOutsideWorkingHours(kolkata, new Date('2026-11-23T04:29:59Z')), true);
    assert.equal(isOutsideWorkingHours(kolkata, new Date('2026-11-23T04:30:00Z')), false);
    assert.equal(isOutsideWorkingHours(kolkata, new Date('2026-11-23T12:29:59Z')), false);
  });
});
