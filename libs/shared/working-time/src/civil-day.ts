/**
 * Local calendar days as whole numbers (days since 1970-01-01 on the wall clock), so stepping
 * from one day to the next is `day + 1` whatever the time zone does to the length of the day.
 */

export const SECONDS_PER_DAY = 86_400;
export const MS_PER_DAY = SECONDS_PER_DAY * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a local date written `YYYY-MM-DD`, or null when it is not a real date. */
export function dayOfIsoDate(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  const ms = Date.UTC(year, month - 1, date);
  if (new Date(ms).getUTCDate() !== date || new Date(ms).getUTCMonth() !== month - 1) return null;
  return ms / MS_PER_DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday; 1970-01-01 was a Thursday. */
export function weekdayIndexOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
