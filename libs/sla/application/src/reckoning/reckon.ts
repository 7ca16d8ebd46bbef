import { formatFrappeDate } from '@helpdesk/shared-frappe-api';
import {
  chooseSla,
  isOutsideWorkingHours,
  slaOutcome,
  type SlaTerms,
  type SlaTicketState,
  type WorkingCalendar,
} from '@helpdesk/sla-domain';
import type { SlaFieldsV1, TicketDocumentV1 } from '@helpdesk/ticket-contracts';
import type { SlaCatalogue, SlaPolicy } from '../policies/sla-policies.port.js';

/** What sla-service owes ticket-service for one ticket, and when to look again. */
export interface Reckoning {
  fields: SlaFieldsV1;
  /** The SLA's default priority, for a ticket without one. */
  defaultPriority: string | null;
  /** When the agreement would turn Failed if nothing happens (a timer fires just after). */
  failsAt: Date | null;
}

export interface ReckonInput {
  fields: TicketDocumentV1;
  facts: SlaTicketState;
  openedAt: Date;
}

/**
 * The ticket's SLA fields now (helpdesk-behaviour §1.3–§1.8): the SLA chosen for the ticket as it
 * stands, its terms for the ticket's priority (the SLA's default priority when it has none), and
 * the deadlines, hold time and agreement status they give. Null when no SLA applies at all (no
 * default SLA exists). An SLA without a row for the priority gives the SLA alone, no deadlines
 * (Frappe refuses the save: "Please add {priority} priority in {sla} SLA").
 */
export function reckon(
  catalogue: SlaCatalogue,
  ticket: ReckonInput,
  now: Date,
  siteTimeZone: string,
): Reckoning | null {
  const name = chooseSla(catalogue.agreements, ticket.fields, formatFrappeDate(now, siteTimeZone));
  const sla = name === null ? undefined : catalogue.agreement(name);
  if (!sla) return null;
  const given = typeof ticket.fields.priority === 'string' ? ticket.fields.priority : '';
  const priority = given || sla.default_priority;
  const defaultPriority = given ? null : sla.default_priority || null;
  const calendar = calendarOf(sla, catalogue);
  const terms = termsFor(sla, priority, calendar);
  const creation = ticket.facts.slaCreation;
  if (!terms) {
    return {
      fields: { ...EMPTY, sla: sla.name, service_level_agreement_creation: creation },
      defaultPriority,
      failsAt: null,
    };
  }
  const outcome = slaOutcome(terms, ticket.facts, now);
  return {
    fields: {
      sla: sla.name,
      service_level_agreement_creation: creation,
      response_by: iso(outcome.responseBy),
      resolution_by: iso(outcome.resolutionBy),
      agreement_status: outcome.agreementStatus,
      on_hold_since: iso(outcome.onHoldSince),
      total_hold_time: outcome.totalHoldTime,
      first_response_time: outcome.firstResponseTime,
      first_response_failed_by: outcome.firstResponseFailedBy,
      resolution_time: outcome.resolutionTime,
      resolution_failed_by: outcome.resolutionFailedBy,
      raised_outside_working_hours: isOutsideWorkingHours(calendar, ticket.openedAt),
    },
    defaultPriority,
    failsAt: outcome.failsAt,
  };
}

const EMPTY: SlaFieldsV1 = {
  sla: null,
  service_level_agreement_creation: null,
  response_by: null,
  resolution_by: null,
  agreement_status: null,
  on_hold_since: null,
  total_hold_time: null,
  first_response_time: null,
  first_response_failed_by: null,
  resolution_time: null,
  resolution_failed_by: null,
};

function calendarOf(sla: SlaPolicy, catalogue: SlaCatalogue): WorkingCalendar {
  return {
    timeZone: sla.timezone,
    workingHours: sla.support_and_resolution.map((row) => ({
      workday: row.workday,
      startTime: row.start_time,
      endTime: row.end_time,
    })),
    holidays: catalogue.holidaysOf(sla.holiday_list),
  };
}

function termsFor(sla: SlaPolicy, priority: string, calendar: WorkingCalendar): SlaTerms | null {
  const row = sla.priorities.find((candidate) => candidate.priority === priority);
  if (!row) return null;
  return {
    calendar,
    responseTime: row.response_time,
    resolutionTime: row.resolution_time,
    applySlaForResolution: sla.apply_sla_for_resolution === 1,
  };
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
