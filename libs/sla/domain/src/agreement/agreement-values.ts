import type { ServiceLevelAgreementInput } from './service-level-agreement.commands.js';
import {
  SLA_DEFAULTS,
  SLA_LABELS,
  type ServiceLevelAgreementValues,
} from './service-level-agreement.document.js';
import { priorityRows, serviceDayRows } from './agreement-rows.js';
import { blankToNull, checkFlag, dateField, presentFields } from './document-fields.js';
import { SlaDocumentViolation } from './sla-document-violation.js';

/** The fields a client may change; `service_level` is set once and `default_priority` computed. */
export type EditableAgreementValues = Partial<
  Omit<ServiceLevelAgreementValues, 'service_level' | 'default_priority'>
>;

/**
 * The fields given, in the document's types. Unknown fields are dropped; a null is kept as the
 * field's empty value (for an update); rows, dates, times and the zone are checked here.
 */
export function normaliseAgreementInput(
  input: ServiceLevelAgreementInput,
  siteTimeZone: string,
): EditableAgreementValues {
  const values: EditableAgreementValues = {};
  const given = (field: keyof ServiceLevelAgreementInput) => input[field] !== undefined;
  if (given('description')) values.description = blankToNull(input.description);
  if (given('enabled')) values.enabled = checkFlag(input.enabled, 0);
  if (given('default_sla')) values.default_sla = checkFlag(input.default_sla, 0);
  if (given('apply_sla_for_resolution')) {
    values.apply_sla_for_resolution = checkFlag(input.apply_sla_for_resolution, 0);
  }
  if (given('priority')) values.priority = orderingPriority(input.priority ?? 0);
  if (given('start_date')) {
    values.start_date = dateField(input.start_date, SLA_LABELS.start_date, 'start_date');
  }
  if (given('end_date'))
    values.end_date = dateField(input.end_date, SLA_LABELS.end_date, 'end_date');
  if (given('condition')) values.condition = blankToNull(input.condition);
  if (given('condition_json')) values.condition_json = blankToNull(input.condition_json);
  if (given('holiday_list')) values.holiday_list = (input.holiday_list ?? '').trim();
  if (given('support_and_resolution')) {
    values.support_and_resolution = serviceDayRows(input.support_and_resolution ?? []);
  }
  if (given('priorities')) values.priorities = priorityRows(input.priorities ?? []);
  if (given('default_ticket_status')) {
    values.default_ticket_status = blankToNull(input.default_ticket_status)?.trim() ?? null;
  }
  if (given('ticket_reopen_status')) {
    values.ticket_reopen_status = blankToNull(input.ticket_reopen_status)?.trim() ?? null;
  }
  if (given('timezone')) values.timezone = timeZoneOf(input.timezone, siteTimeZone);
  return values;
}

/** A new SLA: defaults for whatever is missing or null, the site's zone, computed fields. */
export function newAgreementValues(
  service_level: string,
  input: ServiceLevelAgreementInput,
  siteTimeZone: string,
): ServiceLevelAgreementValues {
  const given = normaliseAgreementInput(presentFields(input), siteTimeZone);
  return withComputedFields({
    ...SLA_DEFAULTS,
    service_level,
    timezone: timeZoneOf(null, siteTimeZone),
    ...given,
  });
}

/** `before_save`: `default_priority` is the priority of the row flagged default. */
export function withComputedFields<T extends ServiceLevelAgreementValues>(values: T): T {
  const flagged = values.priorities.find((row) => row.default_priority === 1);
  return { ...values, default_priority: flagged?.priority ?? '' };
}

function orderingPriority(priority: number): number {
  if (Number.isInteger(priority)) return priority;
  throw SlaDocumentViolation.invalid('Priority must be a whole number', ['priority']);
}

/** An IANA zone the runtime knows; an empty one means the site's. */
function timeZoneOf(value: string | null | undefined, siteTimeZone: string): string {
  const zone = blankToNull(value)?.trim() ?? siteTimeZone;
  if (isIanaTimeZone(zone)) return zone;
  throw SlaDocumentViolation.invalid(
    `${SLA_LABELS.timezone} "${zone}" is not a known IANA time zone`,
    ['timezone'],
  );
}

/** Offsets such as `+02:00` are zones to `Intl` but not IANA names, and shift with no rules. */
function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
