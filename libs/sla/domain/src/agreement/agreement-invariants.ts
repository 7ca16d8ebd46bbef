import type { ServiceLevelAgreementContext } from './service-level-agreement.commands.js';
import {
  SLA_DOCTYPE,
  SLA_LABELS,
  type ServiceLevelAgreementValues,
} from './service-level-agreement.document.js';
import { checkAgreementConditions } from './agreement-condition.js';
import { handOverDefault, type DefaultHandover } from './default-agreement.js';
import { repeatedValues } from './document-fields.js';
import { SlaDocumentViolation } from './sla-document-violation.js';

/**
 * The whole SLA as it would be saved, checked as Frappe's save does: mandatory fields, links,
 * then the controller's `validate` (default SLA, priorities, working hours, condition) and
 * `before_save` (one default priority). Returns the default handover and the messages Frappe
 * shows without refusing: the demotion notice and enabled priorities the SLA leaves out.
 */
export function checkAgreement(
  next: ServiceLevelAgreementValues,
  previous: ServiceLevelAgreementValues | null,
  context: ServiceLevelAgreementContext,
): DefaultHandover {
  checkMandatory(next);
  checkLinks(next, context);
  const handover = handOverDefault(next, previous, context.otherDefaultSla);
  checkPriorities(next);
  checkWorkingHours(next);
  checkAgreementConditions(next);
  if (next.default_priority === '') {
    throw SlaDocumentViolation.invalid('Select a Default Priority.', ['priorities']);
  }
  return { ...handover, messages: [...handover.messages, ...missingPriorities(next, context)] };
}

function checkMandatory(agreement: ServiceLevelAgreementValues): void {
  const missing: [boolean, keyof typeof SLA_LABELS][] = [
    [agreement.holiday_list === '', 'holiday_list'],
    [agreement.support_and_resolution.length === 0, 'support_and_resolution'],
    [agreement.priorities.length === 0, 'priorities'],
  ];
  const first = missing.find(([isMissing]) => isMissing);
  if (first) throw SlaDocumentViolation.missing(SLA_DOCTYPE, SLA_LABELS[first[1]], first[1]);
}

/** Frappe's `_validate_links`: every link that finds nothing, in one LinkValidationError. */
function checkLinks(agreement: ServiceLevelAgreementValues, context: ServiceLevelAgreementContext) {
  const priorities = new Set(context.ticketPriorities.map((priority) => priority.name));
  const openStatuses = new Set(context.openTicketStatuses);
  const broken: string[] = [];
  if (!context.holidayListExists) {
    broken.push(`${SLA_LABELS.holiday_list}: ${agreement.holiday_list}`);
  }
  for (const field of ['default_ticket_status', 'ticket_reopen_status'] as const) {
    const status = agreement[field];
    if (status !== null && !openStatuses.has(status))
      broken.push(`${SLA_LABELS[field]}: ${status}`);
  }
  agreement.priorities.forEach((row, index) => {
    if (!priorities.has(row.priority)) broken.push(`Row #${index + 1}: Priority: ${row.priority}`);
  });
  if (broken.length === 0) return;
  throw new SlaDocumentViolation('LinkValidationError', `Could not find ${broken.join(', ')}`);
}

/** `validate_priorities`: one default at most, times per row, each priority once. */
function checkPriorities(agreement: ServiceLevelAgreementValues): void {
  const invalid = (message: string) => SlaDocumentViolation.invalid(message, ['priorities']);
  if (agreement.priorities.filter((row) => row.default_priority === 1).length > 1) {
    throw invalid('You cannot set more than one Default Priority.');
  }
  agreement.priorities.forEach(({ priority, response_time, resolution_time }, index) => {
    const row = index + 1;
    if (!response_time) throw invalid(`Set Response Time for Priority ${priority} in row ${row}.`);
    if (!agreement.apply_sla_for_resolution) return;
    if (!resolution_time) {
      throw invalid(`Set Resolution Time for Priority ${priority} in row ${row}.`);
    }
    if (response_time > resolution_time) {
      throw invalid(
        `Response Time for ${priority} priority in row ${row} can't be greater than Resolution Time.`,
      );
    }
  });
  const repeated = repeatedValues(agreement.priorities.map((row) => row.priority));
  if (repeated.length > 0) throw invalid(`Priority ${repeated.join(' ')} has been repeated.`);
}

/** `validate_support_and_resolution`: hours that open before they close, each weekday once. */
function checkWorkingHours(agreement: ServiceLevelAgreementValues): void {
  const invalid = (message: string) =>
    SlaDocumentViolation.invalid(message, ['support_and_resolution']);
  agreement.support_and_resolution.forEach(({ start_time, end_time }, index) => {
    // `HH:mm:ss` strings order as the times they name.
    if (start_time >= end_time) {
      throw invalid(`Start Time can't be greater than or equal to End Time in row ${index + 1}.`);
    }
  });
  const repeated = repeatedValues(agreement.support_and_resolution.map((row) => row.workday));
  if (repeated.length > 0) throw invalid(`Workday ${repeated.join(' ')} has been repeated.`);
}

/** Frappe only shows these; a ticket whose priority the SLA lacks fails when its deadlines are set. */
function missingPriorities(
  agreement: ServiceLevelAgreementValues,
  context: ServiceLevelAgreementContext,
): string[] {
  const included = new Set(agreement.priorities.map((row) => row.priority));
  return context.ticketPriorities
    .filter((priority) => priority.enabled && !included.has(priority.name))
    .map(({ name }) => `Priority ${name} must be included in the SLA ${agreement.service_level}.`);
}
