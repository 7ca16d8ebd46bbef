import type { ExistingAssignment, TicketFields } from '@helpdesk/assignment-domain';
import { foldTicketDocumentV1 } from '@helpdesk/ticket-contracts';

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

/**
 * Applies one event to the copy. The caller applies each ticket's events once and in
 * `ticketVersion` order; anything this does not know only moves the version on.
 */
export function applyTicketEvent(
  copy: TicketCopy | undefined,
  event: TicketEventInput,
): CopyChange {
  const previousTeam = copy ? text(copy.fields.agent_group) : null;
  const step = foldTicketDocumentV1(copy?.fields, event);
  if (!step.fields) return { copy: null, saved: false, previousTeam };
  const kind = event.type.startsWith(PREFIX) ? event.type.slice(PREFIX.length) : event.type;
  const next: TicketCopy = {
    name: event.ticket,
    version: event.ticketVersion,
    fields: step.fields,
    assignments: copy?.assignments ?? [],
  };
  const assigning = kind === 'agent-assigned' || kind === 'agent-unassigned';
  return {
    copy: assigning ? withAssignees(next, event.data) : next,
    saved: step.saved,
    previousTeam,
  };
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

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
