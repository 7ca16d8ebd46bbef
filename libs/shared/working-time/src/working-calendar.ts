import type { Weekday } from './weekday.js';

/** One row of `HD Service Level Agreement.support_and_resolution` (`HD Service Day`). */
export interface WorkingHours {
  readonly workday: Weekday;
  /** Wall-clock time `HH:mm:ss` (or `HH:mm`) in the calendar's zone. */
  readonly startTime: string;
  /** Wall-clock time `HH:mm:ss` (or `HH:mm`); `24:00:00` is the midnight that ends the day. */
  readonly endTime: string;
}

/**
 * When an SLA's clock runs: working hours per weekday and whole-day holidays, both on the wall
 * clock of `timeZone` (IANA), while every instant handed in or out is a UTC `Date`.
 */
export interface WorkingCalendar {
  readonly timeZone: string;
  readonly workingHours: readonly WorkingHours[];
  /** Local dates `YYYY-MM-DD` on which the clock does not run. */
  readonly holidays: readonly string[];
}

/** A calendar that cannot be worked with: unknown zone, unreadable time or date, no hours. */
export class WorkingCalendarError extends Error {
  override readonly name = 'WorkingCalendarError';
}
