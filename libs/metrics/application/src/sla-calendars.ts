import { isWeekday, type WorkingCalendar, type WorkingHours } from '@helpdesk/shared-working-time';
import type { SlaDocumentV1 } from '@helpdesk/sla-contracts';

/** What the metrics keep of an HD Service Level Agreement: when its clock runs. */
export interface SlaCalendarCopy {
  timeZone: string | null;
  workingHours: WorkingHours[];
  holidayList: string | null;
}

/** The calendar part of an `agreement-saved` document (`timezone`, `support_and_resolution`). */
export function slaCalendarOf(document: SlaDocumentV1): SlaCalendarCopy {
  const rows = Array.isArray(document.support_and_resolution)
    ? (document.support_and_resolution as Record<string, unknown>[])
    : [];
  const workingHours = rows.flatMap((row): WorkingHours[] =>
    isWeekday(row.workday) && typeof row.start_time === 'string' && typeof row.end_time === 'string'
      ? [{ workday: row.workday, startTime: row.start_time, endTime: row.end_time }]
      : [],
  );
  return {
    timeZone: text(document.timezone),
    workingHours,
    holidayList: text(document.holiday_list),
  };
}

/** The dates of a `holiday-list-saved` document (`holidays[].holiday_date`). */
export function holidayDatesOf(document: SlaDocumentV1): string[] {
  const rows = Array.isArray(document.holidays)
    ? (document.holidays as Record<string, unknown>[])
    : [];
  return rows.flatMap((row) => (typeof row.holiday_date === 'string' ? [row.holiday_date] : []));
}

/**
 * The working calendar the waits are measured in: the SLA's hours in its zone (the site's when
 * it names none), its holiday list's dates; null when the SLA has no working hours left.
 */
export function workingCalendarOf(
  copy: SlaCalendarCopy,
  holidays: readonly string[],
  siteTimeZone: string,
): WorkingCalendar | null {
  if (copy.workingHours.length === 0) return null;
  return { timeZone: copy.timeZone ?? siteTimeZone, workingHours: copy.workingHours, holidays };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
