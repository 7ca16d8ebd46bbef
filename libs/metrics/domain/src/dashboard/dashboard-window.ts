import { addDays, daysBetween } from './local-day.js';

/** Inclusive range of site-local dates; empty when `to` is before `from`. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * The manager dashboard's windows (helpdesk-behaviour §5.1): the current one is creation in
 * [from_date, to_date + 1 day); the previous one is as long (`date_diff`, 0 counting as 1) and ends
 * where the current one starts.
 */
export interface DashboardWindow {
  current: DateRange;
  previous: DateRange;
}

export function dashboardWindow(fromDate: string, toDate: string): DashboardWindow {
  const diff = daysBetween(fromDate, toDate) || 1;
  return {
    current: { from: fromDate, to: toDate },
    previous: { from: addDays(fromDate, -diff), to: addDays(fromDate, -1) },
  };
}
