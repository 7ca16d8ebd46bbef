import { SlaDocumentViolation } from '../agreement/sla-document-violation.js';
import { dayOfIsoDate, isoDateOfDay, weekdayOf } from '@helpdesk/shared-working-time';
import type { HolidayRow, ServiceHolidayListDocument } from './service-holiday-list.document.js';

type WeeklyOffFields = Pick<
  ServiceHolidayListDocument,
  'from_date' | 'to_date' | 'weekly_off' | 'holidays'
>;

/**
 * The doc method `get_weekly_off_dates` ("Add to Holidays"): the list's holidays with every
 * `weekly_off` weekday from `from_date` to `to_date` appended, in date order, unless already
 * listed; each new row is described by the weekday's name and flagged `weekly_off`. Like
 * Frappe, nothing is saved: the caller returns the list to the client, which saves it.
 */
export function weeklyOffDates(list: WeeklyOffFields): HolidayRow[] {
  const { weekly_off } = list;
  if (weekly_off === null) throw SlaDocumentViolation.invalid('Please select weekly off day');
  const from = dayOfIsoDate(list.from_date);
  const to = dayOfIsoDate(list.to_date);
  if (from === null || to === null) {
    throw SlaDocumentViolation.invalid('From Date and To Date must be set to add weekly off days');
  }
  const listed = new Set(list.holidays.map((holiday) => holiday.holiday_date));
  const added: HolidayRow[] = [];
  for (let day = from; day <= to; day++) {
    const holiday_date = isoDateOfDay(day);
    if (weekdayOf(day) !== weekly_off || listed.has(holiday_date)) continue;
    added.push({ holiday_date, description: weekly_off, weekly_off: 1 });
  }
  return [...list.holidays, ...added];
}
