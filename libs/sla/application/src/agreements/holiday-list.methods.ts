import { HolidayEventsArgs, SLA_SERVICE_METHODS } from '@helpdesk/sla-contracts';
import {
  HOLIDAY_DOCTYPE,
  HOLIDAY_LIST_DOCTYPE,
  isWeekday,
  weeklyOffDates,
  type HolidayRow,
} from '@helpdesk/sla-domain';
import { FrappeError, jsonArgument, objectArgument } from '@helpdesk/shared-frappe-api';
import {
  parseBody,
  type FrappeDocument,
  type MethodHandler,
  type MethodRegistry,
  type RequestContext,
} from '@helpdesk/shared-messaging';
import { canReadSlaDocuments } from './sla-document-access.js';
import { toSlaFrappeError } from './sla-document-errors.js';
import type { HolidayCalendar, SlaDocumentReads } from './sla-document-ports.js';

const [GET_EVENTS] = SLA_SERVICE_METHODS;

type HolidayListForm = FrappeDocument & { holidays: unknown[] };

/**
 * The holiday list's whitelisted doc methods. Like Frappe's, they change the document in memory
 * and hand it back in `docs` for the form to save: "Add to Holidays" and clearing the table.
 */
const DOC_METHODS: ReadonlyMap<string, (list: HolidayListForm) => unknown[]> = new Map([
  ['get_weekly_off_dates', (list: HolidayListForm) => weeklyOffDates(weeklyOffFields(list))],
  ['clear_table', () => []],
]);

/**
 * What sla-service answers on `sla.method`: the calendar's `get_events`, and `run_doc_method`
 * on an HD Service Holiday List (the only SLA DocType with doc methods).
 */
export function holidayListMethods(
  lists: SlaDocumentReads,
  calendar: HolidayCalendar,
): MethodRegistry {
  const getEvents: MethodHandler = async (params, context) => {
    if (!canReadSlaDocuments(context)) {
      throw FrappeError.permission(`No permission for ${HOLIDAY_LIST_DOCTYPE}`);
    }
    const { start, end, filters } = await parseBody(
      HolidayEventsArgs,
      { start: params.start, end: params.end, filters: params.filters },
      HOLIDAY_LIST_DOCTYPE,
    );
    const events = await calendar.holidayEvents(
      dateArgument(start, 'start'),
      dateArgument(end, 'end'),
      filters === undefined || filters === null ? [] : jsonArgument(filters, 'filters'),
    );
    return { message: events };
  };
  const runDocMethod: MethodHandler = async (params, context) => {
    const method = params.method;
    if (typeof method !== 'string' || method === '') throw missing('method');
    const docs = params.docs === undefined ? undefined : objectArgument(params.docs, 'docs');
    const doctype = params.dt ?? docs?.doctype;
    const run = DOC_METHODS.get(method);
    if (doctype !== HOLIDAY_LIST_DOCTYPE || !run) {
      throw FrappeError.permission(`Method ${method} is not whitelisted for ${String(doctype)}`);
    }
    const list = await formOf(lists, params, docs, context);
    try {
      return { docs: [{ ...list, holidays: holidayRows(list, run(list)) }] };
    } catch (error) {
      throw toSlaFrappeError(error, HOLIDAY_LIST_DOCTYPE, String(list.name ?? ''));
    }
  };
  return new Map([
    [GET_EVENTS, getEvents],
    ['run_doc_method', runDocMethod],
  ]);
}

/**
 * Frappe's `run_doc_method`: the stored list named by `dt`/`dn`, or the form's unsaved document
 * in `docs`; either way the caller must be allowed to read holiday lists.
 */
async function formOf(
  lists: SlaDocumentReads,
  params: Record<string, unknown>,
  docs: Record<string, unknown> | undefined,
  context: RequestContext,
): Promise<HolidayListForm> {
  if (!canReadSlaDocuments(context)) throw FrappeError.permission('Not permitted');
  if (params.dt === undefined && docs !== undefined) {
    return { ...docs, holidays: Array.isArray(docs.holidays) ? docs.holidays : [] };
  }
  const name = params.dn;
  if (typeof name !== 'string' || name === '') throw missing('dn');
  const stored = await lists.get(name);
  if (!stored) throw FrappeError.doesNotExist(HOLIDAY_LIST_DOCTYPE, name);
  return { ...stored, holidays: Array.isArray(stored.holidays) ? stored.holidays : [] };
}

/** The fields "Add to Holidays" reads, as the form holds them; no weekday means none chosen. */
function weeklyOffFields(list: HolidayListForm) {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const weeklyOff = list.weekly_off;
  return {
    from_date: text(list.from_date),
    to_date: text(list.to_date),
    weekly_off: isWeekday(weeklyOff) ? weeklyOff : null,
    // Rows pass through as the form holds them; only their `holiday_date` is read.
    holidays: list.holidays.filter(isRow) as unknown as HolidayRow[],
  };
}

/** The rows with Frappe's child-row bookkeeping, numbered in order. */
function holidayRows(list: HolidayListForm, rows: unknown[]): Record<string, unknown>[] {
  return rows.filter(isRow).map((row, index) => ({
    ...row,
    doctype: HOLIDAY_DOCTYPE,
    parenttype: HOLIDAY_LIST_DOCTYPE,
    parentfield: 'holidays',
    parent: list.name ?? null,
    idx: index + 1,
  }));
}

function isRow(row: unknown): row is Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/** Frappe's `getdate`: the date part of a date or datetime. */
function dateArgument(value: string, key: string): string {
  const date = value.trim().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date))) return date;
  throw FrappeError.validation(`${key} "${value}" is not a valid date (YYYY-MM-DD)`);
}

function missing(field: string): FrappeError {
  return new FrappeError('MandatoryError', `Error: Value missing: ${field}`, 'Missing Fields');
}
