import { dayOfIsoDate, SECONDS_PER_DAY } from './civil-day.js';
import { WorkingCalendarError, type WorkingCalendar } from './working-calendar.js';
import { isWeekday, weekdayOf } from './weekday.js';
import { zoneClock, type ZoneClock } from './zone-clock.js';

/** The working hours of one local day as instants: the clock runs from `opens` until `closes`. */
export interface WorkingWindow {
  readonly opens: number;
  readonly closes: number;
}

interface DailyHours {
  readonly start: number;
  readonly end: number;
}

/**
 * A calendar read once: its zone's clock, seconds of the day per weekday and holiday day
 * numbers. Windows of days already asked for are remembered, since one ticket's figures walk
 * the same days several times.
 */
export class WorkingSchedule {
  private readonly windows = new Map<number, WorkingWindow | null>();

  constructor(
    readonly clock: ZoneClock,
    private readonly hours: ReadonlyMap<string, DailyHours>,
    private readonly holidays: ReadonlySet<number>,
  ) {}

  /** Whether the clock runs at all on some weekday. */
  get hasWorkingHours(): boolean {
    return [...this.hours.values()].some(({ start, end }) => start < end);
  }

  /**
   * The working window of a local day, or null on a holiday, a weekday without hours, or when
   * the zone's clock change swallows the hours. Opening and closing are the first instants the
   * wall clock shows those times, so a window spanning a clock change is an hour shorter or
   * longer in real time, and working seconds are always real seconds.
   */
  windowOn(day: number): WorkingWindow | null {
    const known = this.windows.get(day);
    if (known !== undefined) return known;
    const window = this.computeWindow(day);
    if (this.windows.size >= WINDOWS_KEPT) this.windows.clear();
    this.windows.set(day, window);
    return window;
  }

  private computeWindow(day: number): WorkingWindow | null {
    const hours = this.hours.get(weekdayOf(day));
    if (!hours || this.holidays.has(day)) return null;
    const opens = this.clock.firstInstantAt(day, hours.start);
    const closes = this.clock.firstInstantAt(day, hours.end);
    return closes > opens ? { opens, closes } : null;
  }
}

const WINDOWS_KEPT = 4_000;

const schedules = new WeakMap<WorkingCalendar, WorkingSchedule>();

/** The schedule of a calendar, read once per calendar object. */
export function scheduleOf(calendar: WorkingCalendar): WorkingSchedule {
  let schedule = schedules.get(calendar);
  if (!schedule) {
    schedule = readCalendar(calendar);
    schedules.set(calendar, schedule);
  }
  return schedule;
}

function readCalendar(calendar: WorkingCalendar): WorkingSchedule {
  const hours = new Map<string, DailyHours>();
  for (const row of calendar.workingHours) {
    if (!isWeekday(row.workday)) {
      throw new WorkingCalendarError(`"${String(row.workday)}" is not a weekday`);
    }
    // Like Frappe's `get_workdays`, a later row for the same weekday replaces an earlier one.
    hours.set(row.workday, {
      start: secondOfDay(row.startTime, false),
      end: secondOfDay(row.endTime, true),
    });
  }
  const holidays = new Set<number>();
  for (const date of calendar.holidays) {
    const day = dayOfIsoDate(date);
    if (day === null) throw new WorkingCalendarError(`holiday "${date}" is not a date YYYY-MM-DD`);
    holidays.add(day);
  }
  return new WorkingSchedule(clockOf(calendar.timeZone), hours, holidays);
}

function clockOf(timeZone: string): ZoneClock {
  try {
    return zoneClock(timeZone);
  } catch {
    throw new WorkingCalendarError(`"${timeZone}" is not a known IANA time zone`);
  }
}

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Seconds since midnight of `H:mm[:ss[.ffffff]]`; `24:00:00` only as an end. */
export function secondOfDay(time: string, isEnd: boolean): number {
  const match = TIME_OF_DAY.exec(time);
  const [hours, minutes, seconds] = (match?.slice(1) ?? []).map((part) => Number(part ?? 0));
  const value = (hours ?? 0) * 3600 + (minutes ?? 0) * 60 + (seconds ?? 0);
  const valid =
    match !== null &&
    (minutes ?? 60) < 60 &&
    (seconds ?? 60) < 60 &&
    (value < SECONDS_PER_DAY || (isEnd && value === SECONDS_PER_DAY));
  if (!valid) throw new WorkingCalendarError(`"${time}" is not a time of day HH:mm:ss`);
  return value;
}
