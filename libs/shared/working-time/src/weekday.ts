import { weekdayIndexOf } from './civil-day.js';

/** Frappe's `HD Service Day.workday` names, in Python's `weekday()` order (Monday first). */
export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

export type Weekday = (typeof WEEKDAYS)[number];

export function isWeekday(value: unknown): value is Weekday {
  return (WEEKDAYS as readonly unknown[]).includes(value);
}

/** The weekday of a local calendar day, counted in days since 1970-01-01. */
export function weekdayOf(day: number): Weekday {
  return WEEKDAYS[weekdayIndexOf(day)] as Weekday;
}
