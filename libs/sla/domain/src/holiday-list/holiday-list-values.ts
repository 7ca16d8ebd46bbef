import {
  blankToNull,
  checkFlag,
  dateField,
  presentFields,
  selectField,
} from '../agreement/document-fields.js';
import { SlaDocumentViolation } from '../agreement/sla-document-violation.js';
import type { Weekday } from '@helpdesk/shared-working-time';
import type { HolidayInput, ServiceHolidayListInput } from './service-holiday-list.commands.js';
import {
  HOLIDAY_DOCTYPE,
  HOLIDAY_LIST_DOCTYPE,
  HOLIDAY_LIST_LABELS as LABELS,
  WEEKLY_OFF_OPTIONS,
  type HolidayRow,
  type ServiceHolidayListValues,
} from './service-holiday-list.document.js';

/** The fields a client may change; the name is set at creation and `total_holidays` computed. */
export type EditableHolidayListValues = Partial<
  Omit<ServiceHolidayListValues, 'holiday_list_name' | 'total_holidays'>
>;

const HOLIDAY_LIST_DEFAULTS: Omit<ServiceHolidayListValues, 'holiday_list_name'> = {
  from_date: '',
  to_date: '',
  weekly_off: null,
  holidays: [],
  total_holidays: 0,
  color: null,
  description: null,
};

/** The fields given, in the document's types; dates, the weekday and rows are checked here. */
export function normaliseHolidayListInput(
  input: ServiceHolidayListInput,
): EditableHolidayListValues {
  const values: EditableHolidayListValues = {};
  const given = (field: keyof ServiceHolidayListInput) => input[field] !== undefined;
  if (given('from_date'))
    values.from_date = dateField(input.from_date, LABELS.from_date, 'from_date') ?? '';
  if (given('to_date')) values.to_date = dateField(input.to_date, LABELS.to_date, 'to_date') ?? '';
  if (given('weekly_off')) values.weekly_off = weeklyOffOf(input.weekly_off);
  if (given('holidays')) values.holidays = (input.holidays ?? []).map(holidayRow);
  if (given('color')) values.color = blankToNull(input.color);
  if (given('description')) values.description = blankToNull(input.description);
  return values;
}

/** A new list: defaults for whatever is missing or null, and the computed total. */
export function newHolidayListValues(
  holiday_list_name: string,
  input: ServiceHolidayListInput,
): ServiceHolidayListValues {
  const given = normaliseHolidayListInput(presentFields(input));
  return withTotalHolidays({ ...HOLIDAY_LIST_DEFAULTS, holiday_list_name, ...given });
}

/** `validate` sets `total_holidays` to the number of rows. */
export function withTotalHolidays<T extends ServiceHolidayListValues>(values: T): T {
  return { ...values, total_holidays: values.holidays.length };
}

/** Mandatory dates, then `validate_days`: a range that does not run backwards and holds every holiday. */
export function checkHolidayList(list: ServiceHolidayListValues): void {
  for (const field of ['from_date', 'to_date'] as const) {
    if (list[field] === '')
      throw SlaDocumentViolation.missing(HOLIDAY_LIST_DOCTYPE, LABELS[field], field);
  }
  // `YYYY-MM-DD` strings order as the days they name.
  if (list.from_date > list.to_date) {
    throw SlaDocumentViolation.invalid('To Date cannot be before From Date', ['to_date']);
  }
  const outside = list.holidays.find(
    ({ holiday_date }) => holiday_date < list.from_date || holiday_date > list.to_date,
  );
  if (outside) {
    throw SlaDocumentViolation.invalid(
      `The holiday on ${formatDate(outside.holiday_date)} is not between From Date and To Date`,
      ['holidays'],
    );
  }
}

function weeklyOffOf(value: string | null | undefined): Weekday | null {
  const day = selectField(value ?? '', WEEKLY_OFF_OPTIONS, LABELS.weekly_off, 'weekly_off');
  return day === '' ? null : day;
}

function holidayRow(row: HolidayInput, index: number): HolidayRow {
  const holiday_date = dateField(row.holiday_date, LABELS.holiday_date, 'holidays', index + 1);
  if (holiday_date === null) {
    throw SlaDocumentViolation.missing(HOLIDAY_DOCTYPE, LABELS.holiday_date, 'holidays');
  }
  const description = (row.description ?? '').trim();
  if (description === '') {
    throw SlaDocumentViolation.missing(HOLIDAY_DOCTYPE, LABELS.description, 'holidays');
  }
  return { holiday_date, description, weekly_off: checkFlag(row.weekly_off, 0) };
}

/** Frappe's `formatdate` with the default System Settings date format, dd-mm-yyyy. */
function formatDate(isoDate: string): string {
  return isoDate.split('-').reverse().join('-');
}
