import type { WorkingCalendar } from './working-calendar.js';
import { scheduleOf } from './working-schedule.js';

/**
 * Whole working seconds from `from` to `to` (Frappe's `calc_elapsed_time`, helpdesk-behaviour
 * §1.6): the parts of each local day's working hours that lie between them, holidays and days
 * without hours skipped; 0 when `from` is not before `to`. Like Frappe, both ends are cut to
 * whole seconds first.
 */
export function workingSecondsBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const start = wholeSecond(from);
  const end = wholeSecond(to);
  if (start >= end) return 0;
  const schedule = scheduleOf(calendar);
  const lastDay = schedule.clock.readingAt(end).day;
  let total = 0;
  for (let day = schedule.clock.readingAt(start).day; day <= lastDay; day++) {
    const window = schedule.windowOn(day);
    if (!window) continue;
    total += Math.max(Math.min(window.closes, end) - Math.max(window.opens, start), 0);
  }
  return total / 1000;
}

function wholeSecond(instant: Date): number {
  return Math.floor(instant.getTime() / 1000) * 1000;
}
