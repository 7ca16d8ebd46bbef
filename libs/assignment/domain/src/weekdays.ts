export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Frappe's `Assignment Rule Day.day`. */
export type Weekday = (typeof WEEKDAYS)[number];

export function isWeekday(value: unknown): value is Weekday {
  return (WEEKDAYS as readonly unknown[]).includes(value);
}

/**
 * The weekday of an instant in a time zone (the site's), for `assignment_days`. The instant is
 * passed in: the domain never reads the clock.
 */
export function weekdayIn(instant: Date, timeZone: string): Weekday {
  const name = new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone }).format(instant);
  if (!isWeekday(name)) throw new RangeError(`no weekday for ${instant.toISOString()}`);
  return name;
}
