import { MS_PER_DAY } from './civil-day.js';

/** What the wall clock of a time zone shows at an instant. */
export interface WallClockReading {
  /** Local calendar day, in days since 1970-01-01. */
  readonly day: number;
  /** Whole seconds since local midnight. */
  readonly secondOfDay: number;
}

/**
 * The wall clock of one IANA time zone, read through `Intl.DateTimeFormat` (the runtime's time
 * zone data, no library). Offsets at UTC midnights are cached, so most readings need no call
 * into `Intl` at all; only instants on a day with an offset change are looked up exactly.
 * Assumes, as every real zone does, at most one offset change within any two days.
 */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly midnightOffsets = new Map<number, number>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Milliseconds the wall clock is ahead of UTC at an instant. */
  offsetAt(instant: number): number {
    const utcDay = Math.floor(instant / MS_PER_DAY);
    const atMidnight = this.midnightOffset(utcDay);
    if (atMidnight === this.midnightOffset(utcDay + 1)) return atMidnight;
    return this.exactOffset(instant);
  }

  readingAt(instant: number): WallClockReading {
    const local = instant + this.offsetAt(instant);
    const day = Math.floor(local / MS_PER_DAY);
    return { day, secondOfDay: Math.floor((local - day * MS_PER_DAY) / 1000) };
  }

  /**
   * The first instant at which the wall clock shows `secondOfDay` of `day` or later. A time the
   * clock shows twice (the repeated hour when clocks go back) is its first occurrence; a time it
   * skips (clocks go forward) is the moment of the jump. `secondOfDay` may be 86400: midnight
   * ending the day.
   */
  firstInstantAt(day: number, secondOfDay: number): number {
    const local = day * MS_PER_DAY + secondOfDay * 1000;
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    if (before === after) return local - before;
    const underBefore = local - before;
    const underAfter = local - after;
    const validBefore = this.offsetAt(underBefore) === before;
    const validAfter = this.offsetAt(underAfter) === after;
    if (validBefore && validAfter) return Math.min(underBefore, underAfter);
    if (validBefore) return underBefore;
    if (validAfter) return underAfter;
    return this.changeBetween(local - MS_PER_DAY, local + MS_PER_DAY, before);
  }

  /** The first whole second in (from, to] whose offset is no longer `offsetFrom`. */
  private changeBetween(from: number, to: number, offsetFrom: number): number {
    let unchanged = from;
    let changed = to;
    while (changed - unchanged > 1000) {
      const middle = unchanged + Math.floor((changed - unchanged) / 2000) * 1000;
      if (this.exactOffset(middle) === offsetFrom) unchanged = middle;
      else changed = middle;
    }
    return changed;
  }

  private midnightOffset(utcDay: number): number {
    let offset = this.midnightOffsets.get(utcDay);
    if (offset === undefined) {
      if (this.midnightOffsets.size >= MIDNIGHTS_KEPT) this.midnightOffsets.clear();
      offset = this.exactOffset(utcDay * MS_PER_DAY);
      this.midnightOffsets.set(utcDay, offset);
    }
    return offset;
  }

  private exactOffset(instant: number): number {
    const wholeSecond = Math.floor(instant / 1000) * 1000;
    const field: Record<string, number> = {};
    for (const part of this.format.formatToParts(wholeSecond))
      field[part.type] = Number(part.value);
    const wall = new Date(0);
    wall.setUTCFullYear(field['year'] ?? 1970, (field['month'] ?? 1) - 1, field['day'] ?? 1);
    wall.setUTCHours((field['hour'] ?? 0) % 24, field['minute'] ?? 0, field['second'] ?? 0, 0);
    return wall.getTime() - wholeSecond;
  }
}

/** About thirty years of days per zone; beyond that the cache starts again. */
const MIDNIGHTS_KEPT = 12_000;

const clocks = new Map<string, ZoneClock>();

/** The (shared, cached) clock of an IANA time zone; a RangeError for a zone the runtime lacks. */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}
