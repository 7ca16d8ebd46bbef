import { WorkingCalendarError, type WorkingCalendar } from './working-calendar.js';
import { scheduleOf } from './working-schedule.js';

/** How far ahead a deadline is looked for before the calendar is declared unable to meet it. */
export const DEADLINE_SEARCH_DAYS = 3653;

/**
 * The instant at which `budgetSeconds` of working time, counted from `start`, are used up
 * (Frappe's `calc_time`, helpdesk-behaviour §1.5). A start before opening starts the clock at
 * opening; after closing, on a day without hours or on a holiday it rolls to the next opening;
 * a budget used up exactly at closing time ends at closing time, not next morning. A budget of
 * zero (or less) is met at `start` itself.
 *
 * Steps a day at a time, so a budget of weeks costs a few dozen steps; a calendar without any
 * working hours, or one that cannot supply the budget within ten years, is a
 * `WorkingCalendarError` rather than an endless loop.
 */
export function deadlineAfter(calendar: WorkingCalendar, start: Date, budgetSeconds: number): Date {
  if (Number.isNaN(budgetSeconds)) throw new RangeError('the working-time budget is not a number');
  if (budgetSeconds <= 0) return new Date(start.getTime());
  const schedule = scheduleOf(calendar);
  if (!schedule.hasWorkingHours) {
    throw new WorkingCalendarError('the working calendar has no working hours on any weekday');
  }
  let remaining = budgetSeconds * 1000;
  let cursor = start.getTime();
  const firstDay = schedule.clock.readingAt(cursor).day;
  for (let day = firstDay; day <= firstDay + DEADLINE_SEARCH_DAYS; day++) {
    const window = schedule.windowOn(day);
    if (!window) continue;
    const from = Math.max(window.opens, cursor);
    const available = Math.max(window.closes, cursor) - from;
    if (available <= 0) continue;
    const taken = Math.min(remaining, available);
    remaining -= taken;
    cursor = from + taken;
    if (remaining <= 0) return new Date(cursor);
  }
  throw new WorkingCalendarError(
    `the working calendar does not provide ${budgetSeconds} working seconds within ten years of ${start.toISOString()}`,
  );
}
