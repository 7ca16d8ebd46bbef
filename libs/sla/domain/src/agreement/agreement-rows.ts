import { WEEKDAYS } from '@helpdesk/shared-working-time';
import type {
  ServiceDayInput,
  ServiceLevelPriorityInput,
} from './service-level-agreement.commands.js';
import {
  SERVICE_DAY_DOCTYPE,
  SLA_PRIORITY_DOCTYPE,
  type ServiceDayRow,
  type ServiceLevelPriorityRow,
} from './service-level-agreement.document.js';
import { checkFlag, rowPrefix, selectField } from './document-fields.js';
import { SlaDocumentViolation } from './sla-document-violation.js';

/** `priorities` rows in the document's types; a missing priority is a mandatory error. */
export function priorityRows(
  rows: readonly ServiceLevelPriorityInput[],
): ServiceLevelPriorityRow[] {
  return rows.map((row, index) => {
    const priority = (row.priority ?? '').trim();
    if (priority === '') {
      throw SlaDocumentViolation.missing(SLA_PRIORITY_DOCTYPE, 'Priority', 'priorities');
    }
    return {
      priority,
      response_time: duration(row.response_time, 'First Response Time', index + 1) ?? 0,
      resolution_time: duration(row.resolution_time, 'Resolution Time', index + 1),
      default_priority: checkFlag(row.default_priority, 0),
    };
  });
}

/** `support_and_resolution` rows: a known weekday and two times of day, `HH:mm:ss`. */
export function serviceDayRows(rows: readonly ServiceDayInput[]): ServiceDayRow[] {
  return rows.map((row, index) => {
    const at = index + 1;
    const workday = (row.workday ?? '').trim();
    if (workday === '') {
      throw SlaDocumentViolation.missing(SERVICE_DAY_DOCTYPE, 'Workday', 'support_and_resolution');
    }
    return {
      workday: selectField(workday, WEEKDAYS, 'Workday', 'support_and_resolution', at),
      start_time: timeOfDay(row.start_time, 'Start Time', at),
      end_time: timeOfDay(row.end_time, 'End Time', at),
    };
  });
}

/** A Duration field: whole seconds, not negative; empty is null. */
function duration(value: number | null | undefined, label: string, row: number): number | null {
  if (value === null || value === undefined) return null;
  if (Number.isInteger(value) && value >= 0) return value;
  throw SlaDocumentViolation.invalid(
    `${rowPrefix(row)}${label} must be a whole number of seconds, not negative`,
    ['priorities'],
  );
}

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?$/;

/** A Time field as Frappe returns it, `HH:mm:ss`; `24:00:00` is the midnight ending the day. */
function timeOfDay(value: string | null | undefined, label: string, row: number): string {
  const text = (value ?? '').trim();
  if (text === '') {
    throw SlaDocumentViolation.missing(SERVICE_DAY_DOCTYPE, label, 'support_and_resolution');
  }
  const [hours, minutes, seconds] = (TIME_OF_DAY.exec(text)?.slice(1) ?? []).map((part) =>
    Number(part ?? 0),
  );
  const valid =
    hours !== undefined &&
    (minutes ?? 60) < 60 &&
    (seconds ?? 60) < 60 &&
    (hours < 24 || (hours === 24 && minutes === 0 && seconds === 0));
  if (!valid) {
    throw SlaDocumentViolation.invalid(
      `${rowPrefix(row)}${label} "${text}" is not a valid time (HH:mm:ss)`,
      ['support_and_resolution'],
    );
  }
  return [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
}
