import type { WorkingCalendar } from './working-calendar.js';
import { scheduleOf } from './working-schedule.js';

/**
 * Whether the SLA's clock stands still at `at`: a holiday, a weekday without hours, or a time
 * before opening or from closing on (helpdesk-behaviour §1.9 `raised_outside_working_hours`,
 * §3.7 banner). Opening time itself is inside, closing time itself outside, as in Frappe's
 * `start_time <= now < end_time`.
 */
export function isOutsideWorkingHours(calendar: WorkingCalendar, at: Date): boolean {
  const schedule = scheduleOf(calendar);
  const window = schedule.windowOn(schedule.clock.readingAt(at.getTime()).day);
  return !window || at.getTime() < window.opens || at.getTime() >= window.closes;
}
