/**
 * Working time: seconds inside a calendar's working hours, in its own IANA time zone, skipping
 * its holidays. SLA deadlines and the response metrics are measured with it.
 */
export { deadlineAfter, DEADLINE_SEARCH_DAYS } from './deadline-after.js';
export { isOutsideWorkingHours } from './outside-working-hours.js';
export { WEEKDAYS, isWeekday, weekdayOf, type Weekday } from './weekday.js';
export { dayOfIsoDate, isoDateOfDay } from './civil-day.js';
export {
  WorkingCalendarError,
  type WorkingCalendar,
  type WorkingHours,
} from './working-calendar.js';
export { workingSecondsBetween } from './working-seconds-between.js';
