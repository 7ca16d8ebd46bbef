import type { ExistingAssignment, TicketFields } from '@helpdesk/assignment-domain';

/** HD Ticket's data fields (frappe-api §1.1.2): a condition sees every one, empty ones as `null`. */
export const HD_TICKET_FIELDS = [
  'subject',
  'raised_by',
  'status',
  'priority',
  'ticket_type',
  'agent_group',
  'ticket_split_from',
  'description',
  'template',
  'sla',
  'response_by',
  'agreement_status',
  'resolution_by',
  'service_level_agreement_creation',
  'on_hold_since',
  'total_hold_time',
  'first_response_time',
  'first_responded_on',
  'avg_response_time',
  'resolution_details',
  'opening_date',
  'opening_time',
  'resolution_date',
  'resolution_time',
  'user_resolution_time',
  'contact',
  'customer',
  'email_account',
  'via_customer_portal',
  'attachment',
  'content_type',
  'feedback_extra',
  'feedback',
  'feedback_rating',
  'summary',
  'is_merged',
  'merged_with',
  'key',
  'status_category',
  'last_agent_response',
  'last_customer_response',
  'raised_outside_working_hours',
  'first_response_failed_by',
  'resolution_failed_by',
] as const;

/** What assignment-rule-service knows of a ticket, built from its published events in order. */
export interface TicketCopy {
  name: number;
  /** The last `ticketVersion` applied. */
  version: number;
  /** Every field by Frappe name, as a condition reads it. */
  fields: Record<string, unknown>;
  /** `_assign` in order, each with the rule that made it (`null`: manual). */
  assignments: ExistingAssignment[];
}

/** A published ticket event as the copy needs it (`helpdesk.ticket.v1.*`). */
export interface TicketEventInput {
  type: string;
  ticket: number;
  ticketVersion: number;
  data: Record<string, unknown>;
}

export interface CopyChange {
  /** The copy after the event; `null` once the ticket is deleted. */
  copy: TicketCopy | null;
  /** Whether this event is a save of the ticket, after which Frappe runs the rule pass. */
  saved: boolean;
  /** `agent_group` before the event, for the team-change check. */
  previousTeam: string | null;
}

const PREFIX = 'helpdesk.ticket.v1.';

/** Changes whose `data` are the changed fields under their Frappe names. */
const FIELD_CHANGES = new Map<string, readonly string[]>([
  ['subject-changed', ['subject']],
  ['description-changed', ['description']],
  ['priority-changed', ['priority']],
  ['type-changed', ['ticket_type']],
  ['team-changed', ['agent_group']],
  ['contact-changed', ['contact']],
  ['customer-changed', ['customer']],
  ['resolution-details-changed', ['resolution_details']],
  ['feedback-given', ['feedback', 'feedback_rating', 'feedback_extra']],
]);

/**
 * Applies one event to the copy. The caller applies each ticket's events once and in
 * `ticketVersion` order; anything this does not know only moves the version on.
 */
export function applyTicketEvent(
  copy: TicketCopy | undefined,
  event: TicketEventInput,
): CopyChange {
  const kind = event.type.startsWith(PREFIX) ? event.type.slice(PREFIX.length) : event.type;
  if (kind === 'opened') {
    return { copy: opened(event), saved: true, previousTeam: null };
  }
  if (!copy) throw new Error(`ticket ${event.ticket}: ${event.type} before the ticket opened`);
  const previousTeam = text(copy.fields.agent_group);
  const next = { ...copy, version: event.ticketVersion };
  const d = event.data;
  const fieldNames = FIELD_CHANGES.get(kind);
  if (fieldNames) {
    return { copy: withFields(next, pick(d, fieldNames)), saved: true, previousTeam };
  }
  switch (kind) {
    case 'status-changed':
      return {
        copy: withFields(next, {
          status: d.to,
          status_category: d.to_category,
          first_responded_on: d.first_responded_on ?? copy.fields.first_responded_on ?? null,
          resolution_date: d.resolution_date ?? null,
        }),
        saved: true,
        previousTeam,
      };
    case 'fields-changed':
      return { copy: withFields(next, record(d.fields)), saved: true, previousTeam };
    case 'agent-assigned':
    case 'agent-unassigned':
      return { copy: withAssignees(next, d), saved: false, previousTeam };
    case 'merged-into':
      return {
        copy: withFields(next, { is_merged: 1, merged_with: d.target ?? null }),
        saved: false,
        previousTeam,
      };
    case 'split-from':
      return {
        copy: withFields(next, {
          ticket_split_from: d.source ?? null,
          opening_time: d.opening_time ?? null,
        }),
        saved: false,
        previousTeam,
      };
    case 'deleted':
      return { copy: null, saved: false, previousTeam };
    default:
      return { copy: next, saved: false, previousTeam };
  }
}

/** The assignees a decision leaves, each with the rule that made it. */
export function assignmentsAfter(
  before: readonly { user: string; rule: string | null }[],
  cancel: readonly string[],
  assign: string | null,
  rule: string,
): { user: string; rule: string | null }[] {
  const kept = before.filter((assignment) => !cancel.includes(assignment.user));
  if (assign === null || kept.some((assignment) => assignment.user === assign)) return kept;
  return [...kept, { user: assign, rule }];
}

export function conditionFields(copy: TicketCopy): TicketFields {
  return { ...copy.fields, _assign: JSON.stringify(copy.assignments.map((a) => a.user)) };
}

function opened(event: TicketEventInput): TicketCopy {
  const fields: Record<string, unknown> = Object.fromEntries(
    HD_TICKET_FIELDS.map((field) => [field, null]),
  );
  for (const [field, value] of Object.entries(event.data)) fields[field] = value ?? null;
  fields.name = event.ticket;
  fields.doctype = 'HD Ticket';
  fields.via_customer_portal = event.data.via_customer_portal ? 1 : 0;
  fields.is_merged = 0;
  return { name: event.ticket, version: event.ticketVersion, fields, assignments: [] };
}

function withFields(copy: TicketCopy, changes: Record<string, unknown>): TicketCopy {
  return { ...copy, fields: { ...copy.fields, ...changes } };
}

function withAssignees(copy: TicketCopy, data: Record<string, unknown>): TicketCopy {
  const assignees = Array.isArray(data.assignees) ? data.assignees.map(String) : [];
  const agent = text(data.agent);
  const rule = text(data.rule);
  const ruleOf = new Map(copy.assignments.map((a) => [a.user, a.rule]));
  return {
    ...copy,
    assignments: assignees.map((user) => ({
      user,
      rule: user === agent ? rule : (ruleOf.get(user) ?? null),
    })),
  };
}

function pick(data: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.map((name) => [name, data[name] ?? null]));
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
