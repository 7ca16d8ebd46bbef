import { WEEKDAYS, type Weekday } from '@helpdesk/shared-working-time';

export const HOLIDAY_LIST_DOCTYPE = 'HD Service Holiday List';
export const HOLIDAY_DOCTYPE = 'HD Holiday';

/** `weekly_off` options in the order Frappe's Select lists them (Sunday first); empty means none. */
export const WEEKLY_OFF_OPTIONS: readonly ('' | Weekday)[] = [
  '',
  WEEKDAYS[6],
  ...WEEKDAYS.slice(0, 6),
];

/** One row of `holidays` (HD Holiday): a whole local day on which no SLA clock runs. */
export interface HolidayRow {
  /** `YYYY-MM-DD`. */
  holiday_date: string;
  /** Text Editor (HTML); a weekly off day's is the weekday's name. */
  description: string;
  /** Added by "Add to Holidays" for the weekly off day. */
  weekly_off: 0 | 1;
}

/** HD Service Holiday List, field by field as `frappe.client.get` shows it, named by `holiday_list_name`. */
export interface ServiceHolidayListDocument {
  name: string;
  holiday_list_name: string;
  /** `YYYY-MM-DD`. */
  from_date: string;
  /** `YYYY-MM-DD`, not before `from_date`. */
  to_date: string;
  /** The weekday "Add to Holidays" adds; null when none is chosen. */
  weekly_off: Weekday | null;
  holidays: HolidayRow[];
  /** Computed on save: the number of holiday rows. */
  total_holidays: number;
  color: string | null;
  description: string | null;
}

/** Everything but the name: what creation records. */
export type ServiceHolidayListValues = Omit<ServiceHolidayListDocument, 'name'>;

export const HOLIDAY_LIST_LABELS = {
  holiday_list_name: 'Holiday List Name',
  from_date: 'From Date',
  to_date: 'To Date',
  weekly_off: 'Weekly Off',
  holiday_date: 'Date',
  description: 'Description',
} as const;
