import type { ServiceHolidayListDocument } from './service-holiday-list.document.js';

/** The holiday list Helpdesk installs for the default SLA: "Default", Jan 1 of `year` to Jan 1 of the next, no holidays. */
export function seededDefaultHolidayList(year: number): ServiceHolidayListDocument {
  return {
    name: 'Default',
    holiday_list_name: 'Default',
    from_date: `${String(year).padStart(4, '0')}-01-01`,
    to_date: `${String(year + 1).padStart(4, '0')}-01-01`,
    weekly_off: null,
    holidays: [],
    total_holidays: 0,
    color: null,
    description: null,
  };
}
