export { deadlineAfter, DEADLINE_SEARCH_DAYS } from './deadline-after.js';
export { isOutsideWorkingHours } from './outside-working-hours.js';
export { WEEKDAYS, isWeekday, type Weekday } from './weekday.js';
export {
  WorkingCalendarError,
  type WorkingCalendar,
  type WorkingHours,
} from './working-calendar.js';
export { workingSecondsBetween } from './working-seconds-between.js';
