import type { WorkingCalendar, WorkingHours } from '../working-calendar.js';
import type { Weekday } from '../weekday.js';

/** Shared givens for the calendar and ticket SLA specs. 2026-11-23 is a Monday. */

const HOUR = 3600;

/** The seeded "Default" SLA's priorities: response and resolution budgets in seconds. */
export const SEEDED_PRIORITIES = {
  Low: { responseTime: 24 * HOUR, resolutionTime: 72 * HOUR },
  Medium: { responseTime: 8 * HOUR, resolutionTime: 24 * HOUR },
  High: { responseTime: 1 * HOUR, resolutionTime: 4 * HOUR },
  Urgent: { responseTime: HOUR / 2, resolutionTime: 2 * HOUR },
} as const;

export type SeededPriority = keyof typeof SEEDED_PRIORITIES;

const WORKWEEK: readonly Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

export function hoursOn(
  days: readonly Weekday[],
  startTime: string,
  endTime: string,
): WorkingHours[] {
  return days.map((workday) => ({ workday, startTime, endTime }));
}

/** The seeded "Default" SLA's calendar: Monday to Friday, 10:00 to 18:00, in `timeZone`. */
export function seededCalendar(timeZone: string, holidays: string[] = []): WorkingCalendar {
  return { timeZone, workingHours: hoursOn(WORKWEEK, '10:00:00', '18:00:00'), holidays };
}

/** The seven days of the week of Monday 2026-11-23, as local dates. */
export const WEEK = {
  Mon: '2026-11-23',
  Tue: '2026-11-24',
  Wed: '2026-11-25',
  Thu: '2026-11-26',
  Fri: '2026-11-27',
  Sat: '2026-11-28',
  Sun: '2026-11-29',
} as const;

/** A local date of that week, `days` later (the next week's Monday is `later('Mon', 7)`). */
export function later(day: keyof typeof WEEK, days: number): string {
  const date = new Date(`${WEEK[day]}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Instants on the wall clock of a zone with one fixed offset that late November (UTC `Z`,
 * Europe/Berlin `+01:00`, Asia/Kolkata `+05:30`), written independently of the code under test.
 */
export function wallClock(offset: string) {
  return (date: string, time: string): Date => new Date(`${date}T${time}${offset}`);
}
