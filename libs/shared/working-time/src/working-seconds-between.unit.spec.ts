import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEEK, later, seededCalendar, wallClock } from './testing/seeded-calendar.fixtures.js';
import { workingSecondsBetween } from './working-seconds-between.js';

describe('workingSecondsBetween', () => {
  for (const [timeZone, offset] of [
    ['UTC', 'Z'],
    ['Europe/Berlin', '+01:00'],
  ] as const) {
    const at = wallClock(offset);

    it(`counts Thu 17:50 to Mon 12:30 over a Friday holiday as 10 + 150 minutes (§1.6, ${timeZone})`, () => {
      const calendar = seededCalendar(timeZone, [WEEK.Fri]);
      const seconds = workingSecondsBetween(
        calendar,
        at(WEEK.Thu, '17:50'),
        at(later('Mon', 7), '12:30'),
      );
      assert.equal(seconds, 9600);
    });
  }

  const calendar = seededCalendar('Europe/Berlin');
  const at = wallClock('+01:00');

  it('is 0 when the end is not after the start', () => {
    assert.equal(workingSecondsBetween(calendar, at(WEEK.Mon, '12:00'), at(WEEK.Mon, '12:00')), 0);
    assert.equal(workingSecondsBetween(calendar, at(WEEK.Mon, '13:00'), at(WEEK.Mon, '12:00')), 0);
  });

  it('counts only the working hours of a single day, whichever side lies outside them', () => {
    assert.equal(
      workingSecondsBetween(calendar, at(WEEK.Mon, '08:00'), at(WEEK.Mon, '10:30')),
      1800,
    );
    assert.equal(
      workingSecondsBetween(calendar, at(WEEK.Mon, '17:30'), at(WEEK.Mon, '23:00')),
      1800,
    );
    assert.equal(workingSecondsBetween(calendar, at(WEEK.Sat, '11:00'), at(WEEK.Sun, '17:00')), 0);
  });

  it('counts whole weeks as five days of eight hours', () => {
    assert.equal(
      workingSecondsBetween(calendar, at(WEEK.Mon, '00:00'), at(later('Mon', 14), '00:00')),
      2 * 5 * 8 * 3600,
    );
  });

  it('cuts both ends to whole seconds, like Frappe', () => {
    const from = new Date(at(WEEK.Mon, '11:00').getTime() + 900);
    const to = new Date(at(WEEK.Mon, '11:00:02').getTime() + 100);
    assert.equal(workingSecondsBetween(calendar, from, to), 2);
  });
});
