import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineAfter } from './deadline-after.js';
import { isOutsideWorkingHours } from './outside-working-hours.js';
import { hoursOn, seededCalendar, wallClock } from './testing/seeded-calendar.fixtures.js';
import type { WorkingCalendar } from './working-calendar.js';
import { workingSecondsBetween } from './working-seconds-between.js';
import { WEEKDAYS } from './weekday.js';

/**
 * Working time is real elapsed time. Opening and closing are the first instants the local wall
 * clock shows those times, so hours that span the skipped hour are an hour shorter and hours
 * that span the repeated hour an hour longer; a time the clock skips opens (or closes) at the
 * jump. Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST at 01:00Z, and 2026-10-25
 * 03:00 CEST → 02:00 CET at 01:00Z. America/New_York: 2026-03-08 at 07:00Z and 2026-11-01 at
 * 06:00Z.
 */
const utc = (iso: string) => new Date(`${iso}Z`);
const sundayHours = (timeZone: string, startTime: string, endTime: string): WorkingCalendar => ({
  timeZone,
  workingHours: hoursOn(['Sunday'], startTime, endTime),
  holidays: [],
});
const allWeek: WorkingCalendar = {
  timeZone: 'Europe/Berlin',
  workingHours: hoursOn(WEEKDAYS, '00:00:00', '24:00:00'),
  holidays: [],
};

const nineToFive = hoursOn(
  ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  '09:00',
  '17:00',
);

describe('the seeded calendar across a clock change', () => {
  it('Berlin, spring: Fri 17:00 CET Urgent resolves by Mon 11:00 CEST', () => {
    const calendar = seededCalendar('Europe/Berlin');
    const created = new Date('2026-03-27T17:00:00+01:00');
    const resolutionBy = deadlineAfter(calendar, created, 7200);
    assert.deepEqual(resolutionBy, new Date('2026-03-30T11:00:00+02:00'));
    assert.equal(workingSecondsBetween(calendar, created, resolutionBy), 7200);
  });

  it('Berlin, autumn: Fri 17:00 CEST Urgent resolves by Mon 11:00 CET', () => {
    const calendar = seededCalendar('Europe/Berlin');
    const created = new Date('2026-10-23T17:00:00+02:00');
    assert.deepEqual(deadlineAfter(calendar, created, 7200), new Date('2026-10-26T11:00:00+01:00'));
  });

  it('New York, both changes: 16:00 on Friday plus two hours is 10:00 on Monday', () => {
    const calendar = { ...seededCalendar('America/New_York'), workingHours: nineToFive };
    assert.deepEqual(
      deadlineAfter(calendar, new Date('2026-03-06T16:00:00-05:00'), 7200),
      new Date('2026-03-09T10:00:00-04:00'),
    );
    assert.deepEqual(
      deadlineAfter(calendar, new Date('2026-10-30T16:00:00-04:00'), 7200),
      new Date('2026-11-02T10:00:00-05:00'),
    );
    assert.equal(isOutsideWorkingHours(calendar, utc('2026-03-09T13:30:00')), false);
    assert.equal(isOutsideWorkingHours(calendar, utc('2026-03-06T13:30:00')), true);
  });
});

describe('working hours that contain the skipped hour (23-hour day)', () => {
  it('00:00–06:00 on the spring Sunday holds five real hours', () => {
    const calendar = sundayHours('Europe/Berlin', '00:00', '06:00');
    const midnight = utc('2026-03-28T23:00:00');
    assert.equal(workingSecondsBetween(calendar, midnight, utc('2026-03-29T12:00:00')), 5 * 3600);
    assert.deepEqual(deadlineAfter(calendar, midnight, 2 * 3600), utc('2026-03-29T01:00:00'));
    assert.deepEqual(deadlineAfter(calendar, midnight, 5 * 3600), utc('2026-03-29T04:00:00'));
  });

  it('an opening time the clock skips (02:30) opens at the jump, 03:00 CEST', () => {
    const calendar = sundayHours('Europe/Berlin', '02:30', '05:00');
    const day = [utc('2026-03-28T23:00:00'), utc('2026-03-29T22:00:00')] as const;
    assert.equal(workingSecondsBetween(calendar, ...day), 2 * 3600);
    assert.equal(isOutsideWorkingHours(calendar, utc('2026-03-29T00:59:59')), true);
    assert.equal(isOutsideWorkingHours(calendar, utc('2026-03-29T01:00:00')), false);
    assert.deepEqual(deadlineAfter(calendar, day[0], 60), utc('2026-03-29T01:01:00'));
  });

  it('hours lying wholly inside the skipped hour hold no time that day', () => {
    const calendar = sundayHours('Europe/Berlin', '02:10', '02:50');
    assert.equal(
      workingSecondsBetween(calendar, utc('2026-03-28T23:00:00'), utc('2026-03-29T22:00:00')),
      0,
    );
    assert.deepEqual(
      deadlineAfter(calendar, utc('2026-03-28T23:00:00'), 60),
      new Date('2026-04-05T02:11:00+02:00'),
    );
  });
});

describe('working hours that contain the repeated hour (25-hour day)', () => {
  it('00:00–06:00 on the autumn Sunday holds seven real hours', () => {
    const calendar = sundayHours('Europe/Berlin', '00:00', '06:00');
    const midnight = utc('2026-10-24T22:00:00');
    assert.equal(workingSecondsBetween(calendar, midnight, utc('2026-10-25T12:00:00')), 7 * 3600);
    assert.deepEqual(deadlineAfter(calendar, midnight, 7 * 3600), utc('2026-10-25T05:00:00'));
  });

  it('a time the clock shows twice (02:30) opens at its first showing, in summer time', () => {
    const calendar = sundayHours('Europe/Berlin', '02:30', '04:00');
    const midnight = utc('2026-10-24T22:00:00');
    assert.equal(workingSecondsBetween(calendar, midnight, utc('2026-10-25T12:00:00')), 9000);
    assert.equal(isOutsideWorkingHours(calendar, utc('2026-10-25T00:29:59')), true);
    assert.equal(isOutsideWorkingHours(calendar, utc('2026-10-25T00:30:00')), false);
  });

  it('New York: 01:00–03:00 on the autumn Sunday holds three real hours', () => {
    const calendar = sundayHours('America/New_York', '01:00', '03:00');
    assert.equal(
      workingSecondsBetween(calendar, utc('2026-11-01T04:00:00'), utc('2026-11-02T04:00:00')),
      3 * 3600,
    );
  });
});

describe('a 24x7 calendar across the clock changes', () => {
  it('runs every real second: 23 hours on the spring Sunday, 25 on the autumn one', () => {
    const springSunday = [utc('2026-03-28T23:00:00'), utc('2026-03-29T22:00:00')] as const;
    const autumnSunday = [utc('2026-10-24T22:00:00'), utc('2026-10-25T23:00:00')] as const;
    assert.equal(workingSecondsBetween(allWeek, ...springSunday), 23 * 3600);
    assert.equal(workingSecondsBetween(allWeek, ...autumnSunday), 25 * 3600);
  });

  it('puts a 24-hour budget 24 real hours later, whatever the clock shows', () => {
    assert.deepEqual(
      deadlineAfter(allWeek, utc('2026-03-28T11:00:00'), 86_400),
      utc('2026-03-29T11:00:00'),
    );
    assert.deepEqual(
      deadlineAfter(allWeek, utc('2026-10-24T11:00:00'), 86_400),
      utc('2026-10-25T11:00:00'),
    );
  });
});

describe('a day the clock skips altogether', () => {
  it('Pacific/Apia skipped 2011-12-30: around the clock there is no working time that day', () => {
    const samoa = { ...allWeek, timeZone: 'Pacific/Apia' };
    const dec29Midnight = new Date('2011-12-29T00:00:00-10:00');
    const dec31Midnight = new Date('2011-12-31T00:00:00+14:00');
    assert.equal(workingSecondsBetween(samoa, dec29Midnight, dec31Midnight), 86_400);
    assert.deepEqual(deadlineAfter(samoa, dec29Midnight, 86_400), dec31Midnight);
  });
});

describe('a calendar in Asia/Kolkata (+05:30)', () => {
  it('Mon 08:30 IST High: response 11:00 IST, resolution 14:00 IST', () => {
    const calendar = seededCalendar('Asia/Kolkata');
    const at = wallClock('+05:30');
    const created = at('2026-11-23', '08:30');
    assert.deepEqual(deadlineAfter(calendar, created, 3600), at('2026-11-23', '11:00'));
    assert.deepEqual(deadlineAfter(calendar, created, 4 * 3600), at('2026-11-23', '14:00'));
    assert.deepEqual(deadlineAfter(calendar, created, 4 * 3600), utc('2026-11-23T08:30:00'));
  });
});
