import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineAfter } from './deadline-after.js';
import { hoursOn, seededCalendar } from './testing/seeded-calendar.fixtures.js';
import type { WorkingCalendar } from './working-calendar.js';
import { workingSecondsBetween } from './working-seconds-between.js';
import { WEEKDAYS } from './weekday.js';

/** A small seeded generator, so every run checks the same cases. */
function randomNumbers(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * below);
  };
}

const YEAR_2026 = Date.UTC(2026, 0, 1);
const YEAR_SECONDS = 365 * 86_400;
const CASES = 400;

const calendars: WorkingCalendar[] = [
  seededCalendar('Europe/Berlin', ['2026-03-30', '2026-12-24', '2026-12-25']),
  { ...seededCalendar('America/New_York'), workingHours: hoursOn(WEEKDAYS, '00:30', '02:30') },
  seededCalendar('Asia/Kolkata', ['2026-08-15']),
];

describe('deadlineAfter and workingSecondsBetween agree', () => {
  for (const calendar of calendars) {
    it(`measures back exactly the budget spent, all through 2026 in ${calendar.timeZone}`, () => {
      const random = randomNumbers(calendar.timeZone.length);
      for (let check = 0; check < CASES; check++) {
        const start = new Date(YEAR_2026 + random(YEAR_SECONDS) * 1000);
        const budget = 1 + random(200 * 3600);
        const deadline = deadlineAfter(calendar, start, budget);
        assert.equal(
          workingSecondsBetween(calendar, start, deadline),
          budget,
          `${start.toISOString()} + ${budget}`,
        );
        assert.ok(deadline > start);
      }
    });

    it(`spends two budgets one after the other like their sum, in ${calendar.timeZone}`, () => {
      const random = randomNumbers(calendar.timeZone.length * 7);
      for (let check = 0; check < CASES; check++) {
        const start = new Date(YEAR_2026 + random(YEAR_SECONDS) * 1000);
        const [first, second] = [1 + random(50 * 3600), 1 + random(50 * 3600)];
        assert.deepEqual(
          deadlineAfter(calendar, deadlineAfter(calendar, start, first), second),
          deadlineAfter(calendar, start, first + second),
        );
      }
    });
  }

  it('a 24x7 calendar counts every real second, across both clock changes', () => {
    const allWeek = {
      timeZone: 'Europe/Berlin',
      workingHours: hoursOn(WEEKDAYS, '00:00', '24:00'),
      holidays: [],
    };
    const random = randomNumbers(24);
    for (let check = 0; check < CASES; check++) {
      const start = YEAR_2026 + random(YEAR_SECONDS) * 1000;
      const seconds = random(30 * 86_400);
      const end = new Date(start + seconds * 1000);
      assert.equal(workingSecondsBetween(allWeek, new Date(start), end), seconds);
      assert.deepEqual(deadlineAfter(allWeek, new Date(start), seconds), end);
    }
  });
});
