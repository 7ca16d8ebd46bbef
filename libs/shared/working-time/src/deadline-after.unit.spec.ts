import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineAfter } from './deadline-after.js';
import {
  SEEDED_PRIORITIES,
  WEEK,
  later,
  seededCalendar,
  wallClock,
  type SeededPriority,
} from './testing/seeded-calendar.fixtures.js';
import { WorkingCalendarError } from './working-calendar.js';

// helpdesk-behaviour §1.5, every worked example, on the seeded calendar in two zones.
for (const [timeZone, offset] of [
  ['UTC', 'Z'],
  ['Europe/Berlin', '+01:00'],
] as const) {
  const at = wallClock(offset);
  const deadlines = (
    priority: SeededPriority,
    created: Date,
    { holidays = [] as string[], holdTime = 0 } = {},
  ) => {
    const calendar = seededCalendar(timeZone, holidays);
    const { responseTime, resolutionTime } = SEEDED_PRIORITIES[priority];
    return {
      responseBy: deadlineAfter(calendar, created, responseTime),
      resolutionBy: deadlineAfter(calendar, created, resolutionTime + holdTime),
    };
  };

  describe(`deadlineAfter, §1.5 worked examples in ${timeZone}`, () => {
    it('Mon 11:00 High: response Mon 12:00, resolution Mon 15:00', () => {
      assert.deepEqual(deadlines('High', at(WEEK.Mon, '11:00')), {
        responseBy: at(WEEK.Mon, '12:00'),
        resolutionBy: at(WEEK.Mon, '15:00'),
      });
    });

    it('Mon 08:00 High: the clock starts at opening, so Mon 11:00 / Mon 14:00', () => {
      assert.deepEqual(deadlines('High', at(WEEK.Mon, '08:00')), {
        responseBy: at(WEEK.Mon, '11:00'),
        resolutionBy: at(WEEK.Mon, '14:00'),
      });
    });

    it('Mon 20:00 Urgent: rolls to the next opening, Tue 10:30 / Tue 12:00', () => {
      assert.deepEqual(deadlines('Urgent', at(WEEK.Mon, '20:00')), {
        responseBy: at(WEEK.Tue, '10:30'),
        resolutionBy: at(WEEK.Tue, '12:00'),
      });
    });

    it('Sat 15:00 Low: Wed 18:00 and Thu of the following week 18:00 (closing time itself)', () => {
      assert.deepEqual(deadlines('Low', at(WEEK.Sat, '15:00')), {
        responseBy: at(later('Sat', 4), '18:00'),
        resolutionBy: at(later('Sat', 12), '18:00'),
      });
    });

    it('Fri 17:00 Urgent: Fri 17:30 / Mon 11:00 (1h on Friday, 1h on Monday)', () => {
      assert.deepEqual(deadlines('Urgent', at(WEEK.Fri, '17:00')), {
        responseBy: at(WEEK.Fri, '17:30'),
        resolutionBy: at(later('Mon', 7), '11:00'),
      });
    });

    it('Fri 19:00 High: Mon 11:00 / Mon 14:00', () => {
      assert.deepEqual(deadlines('High', at(WEEK.Fri, '19:00')), {
        responseBy: at(later('Mon', 7), '11:00'),
        resolutionBy: at(later('Mon', 7), '14:00'),
      });
    });

    it('Thu 15:00 Urgent with Thursday and Friday holidays: Mon 10:30 / Mon 12:00', () => {
      const holidays = [WEEK.Thu, WEEK.Fri];
      assert.deepEqual(deadlines('Urgent', at(WEEK.Thu, '15:00'), { holidays }), {
        responseBy: at(later('Mon', 7), '10:30'),
        resolutionBy: at(later('Mon', 7), '12:00'),
      });
    });

    it('Thu 15:00 Urgent: hold 3600 s ends the resolution at Thu 18:00, 3601 s at Fri 10:00:01', () => {
      const created = at(WEEK.Thu, '15:00');
      assert.deepEqual(
        deadlines('Urgent', created, { holdTime: 3600 }).resolutionBy,
        at(WEEK.Thu, '18:00'),
      );
      assert.deepEqual(
        deadlines('Urgent', created, { holdTime: 3601 }).resolutionBy,
        at(WEEK.Fri, '10:00:01'),
      );
    });

    it('Mon 17:55 Urgent: response Tue 10:25', () => {
      assert.deepEqual(
        deadlines('Urgent', at(WEEK.Mon, '17:55')).responseBy,
        at(WEEK.Tue, '10:25'),
      );
    });

    it('Thu 17:30 High with a Friday holiday: Mon 10:30 / Mon 13:30', () => {
      assert.deepEqual(deadlines('High', at(WEEK.Thu, '17:30'), { holidays: [WEEK.Fri] }), {
        responseBy: at(later('Mon', 7), '10:30'),
        resolutionBy: at(later('Mon', 7), '13:30'),
      });
    });
  });
}

describe('deadlineAfter, edges', () => {
  const calendar = seededCalendar('Europe/Berlin');
  const at = wallClock('+01:00');

  it('meets a budget of zero at the start itself, even outside working hours', () => {
    assert.deepEqual(deadlineAfter(calendar, at(WEEK.Sat, '03:00'), 0), at(WEEK.Sat, '03:00'));
  });

  it('keeps the fraction of a second of a start inside working hours', () => {
    const start = new Date(at(WEEK.Mon, '11:00').getTime() + 250);
    assert.equal(
      deadlineAfter(calendar, start, 60).getTime(),
      at(WEEK.Mon, '11:01').getTime() + 250,
    );
  });

  it('refuses a calendar without working hours instead of looking for ever', () => {
    const closed = { timeZone: 'UTC', workingHours: [], holidays: [] };
    assert.throws(() => deadlineAfter(closed, at(WEEK.Mon, '11:00'), 60), WorkingCalendarError);
  });

  it('gives up after ten years of holidays', () => {
    const mondays = Array.from({ length: 530 }, (_, week) => later('Mon', 7 * week));
    const everyMondayOff = {
      timeZone: 'UTC',
      workingHours: [{ workday: 'Monday' as const, startTime: '10:00', endTime: '18:00' }],
      holidays: mondays,
    };
    assert.throws(
      () => deadlineAfter(everyMondayOff, new Date(`${WEEK.Mon}T09:00:00Z`), 1),
      /within ten years/,
    );
  });

  it('refuses an unknown time zone or an unreadable time as a calendar error', () => {
    const start = at(WEEK.Mon, '11:00');
    assert.throws(
      () => deadlineAfter({ ...calendar, timeZone: 'Mars/Olympus_Mons' }, start, 60),
      WorkingCalendarError,
    );
    const badTime = {
      ...calendar,
      workingHours: [{ workday: 'Monday' as const, startTime: '10h', endTime: '18:00' }],
    };
    assert.throws(() => deadlineAfter(badTime, start, 60), /not a time of day/);
    assert.throws(
      () => deadlineAfter({ ...calendar, holidays: ['2026-02-30'] }, start, 60),
      /holiday/,
    );
  });

  it('walks a 72-hour budget across weeks of holidays a day at a time, not a second at a time', () => {
    const december = Array.from({ length: 31 }, (_, day) => later('Mon', 8 + day));
    const busy = seededCalendar('America/New_York', december);
    const started = performance.now();
    for (let ticket = 0; ticket < 2000; ticket++) {
      deadlineAfter(busy, new Date(Date.UTC(2026, 10, 23, ticket % 24)), 72 * 3600);
    }
    assert.ok(performance.now() - started < 2000, 'two thousand deadlines within two seconds');
  });
});
