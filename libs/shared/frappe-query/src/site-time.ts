/**
 * Calendar arithmetic in the site's zone. Clients send naive site-zone times (Frappe stores them
 * that way); the database holds UTC instants, so every day boundary is computed here with the
 * zone's offset at that moment, daylight saving included.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type CivilDate = string;

export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;
const MIDNIGHT: LocalTime = { hour: 0, minute: 0, second: 0, millisecond: 0 };

/** Epoch milliseconds of a wall-clock reading taken as UTC; handles years below 100. */
export function utcMs(
  year: number,
  month: number,
  day: number,
  time: LocalTime = MIDNIGHT,
): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(time.hour, time.minute, time.second, time.millisecond);
  return date.getTime();
}

export function splitDate(date: CivilDate): [number, number, number] {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return [year, month, day];
}

function fromUtcMs(ms: number): CivilDate {
  const date = new Date(ms);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const [year, month, day] = splitDate(date);
  return fromUtcMs(utcMs(year, month, day) + days * DAY_MS);
}

/** Like Python's `relativedelta(months=n)`: the day is clamped to the target month's length. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const [year, month, day] = splitDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromUtcMs(
    utcMs(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth))),
  );
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 1) - DAY_MS).getUTCDate();
}

/** Weeks start on Monday. */
export function weekStart(date: CivilDate): CivilDate {
  const [year, month, day] = splitDate(date);
  const weekday = (new Date(utcMs(year, month, day)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function monthStart(date: CivilDate): CivilDate {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: CivilDate): CivilDate {
  return addDays(addMonths(monthStart(date), 1), -1);
}

export function quarterStart(date: CivilDate): CivilDate {
  const [year, month] = splitDate(date);
  const first = month - ((month - 1) % 3);
  return `${String(year).padStart(4, '0')}-${String(first).padStart(2, '0')}-01`;
}

export function quarterEnd(date: CivilDate): CivilDate {
  return addDays(addMonths(quarterStart(date), 3), -1);
}

export function yearStart(date: CivilDate): CivilDate {
  return `${date.slice(0, 4)}-01-01`;
}

export function yearEnd(date: CivilDate): CivilDate {
  return `${date.slice(0, 4)}-12-31`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function wallClock(instant: number, timeZone: string): { date: CivilDate; time: LocalTime } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = String(parts.year).padStart(4, '0');
  const month = String(parts.month).padStart(2, '0');
  const day = String(parts.day).padStart(2, '0');
  return {
    date: `${year}-${month}-${day}`,
    time: {
      hour: parts.hour ?? 0,
      minute: parts.minute ?? 0,
      second: parts.second ?? 0,
      millisecond: 0,
    },
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (east positive). */
export function zoneOffset(instant: number, timeZone: string): number {
  const { date, time } = wallClock(instant, timeZone);
  const [year, month, day] = splitDate(date);
  const wholeSeconds = instant - (((instant % 1000) + 1000) % 1000);
  return utcMs(year, month, day, time) - wholeSeconds;
}

/** The site's calendar day at an instant. */
export function siteDate(instant: Date, timeZone: string): CivilDate {
  return wallClock(instant.getTime(), timeZone).date;
}

/**
 * The instant a site-zone wall-clock time denotes. A time that occurs twice (clocks going back)
 * takes its first occurrence; a time that never occurs (clocks going forward) is moved forward by
 * the size of the gap, so 02:30 on a spring-forward night in Berlin means 03:30 CEST.
 */
export function siteTimeToInstant(date: CivilDate, time: LocalTime, timeZone: string): number {
  const [year, month, day] = splitDate(date);
  const local = utcMs(year, month, day, time);
  const before = zoneOffset(local - DAY_MS, timeZone);
  const after = zoneOffset(local + DAY_MS, timeZone);
  const valid = [before, after]
    .map((offset) => local - offset)
    .filter((instant) => zoneOffset(instant, timeZone) === local - instant);
  return valid.length > 0 ? Math.min(...valid) : local - before;
}

/** The first instant of a site-zone day. */
export function startOfSiteDay(date: CivilDate, timeZone: string): number {
  return siteTimeToInstant(date, MIDNIGHT, timeZone);
}
