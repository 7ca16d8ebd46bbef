import type { StatusCategory } from '../ticket.context.js';
import type { TicketEventMeta } from '../events/lifecycle.events.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';

/** The ticket a command addresses; a ticket never opened, or deleted, is not found. */
export function existingTicket(state: TicketState, name: number): ExistingTicket {
  if (state.kind !== 'existing') {
    throw new TicketRuleViolation('not-found', `HD Ticket ${name} not found`);
  }
  return state;
}

export function forbidden(message: string): TicketRuleViolation {
  return new TicketRuleViolation('forbidden', message);
}

/** Frappe's link validation wording: "Could not find Status: Pending". */
export function linkNotFound(label: string, value: string, field: string): TicketRuleViolation {
  return new TicketRuleViolation('invalid', `Could not find ${label}: ${value}`, [field]);
}

export function statusCategory(
  status: string,
  statusCategoryOf: (status: string) => StatusCategory | undefined,
): StatusCategory {
  const category = statusCategoryOf(status);
  if (category === undefined) throw linkNotFound('Status', status, 'status');
  return category;
}

/**
 * `check_update_perms`: once a portal ticket is Closed (the status literally named so) or rated,
 * only agents may change it.
 */
export function assertCustomerMayUpdate(ticket: ExistingTicket, actorIsAgent: boolean): void {
  if (actorIsAgent || !ticket.viaCustomerPortal) return;
  if (ticket.status === 'Closed' || ticket.feedback !== null) {
    throw forbidden('Closed or rated tickets cannot be updated by non-agents');
  }
}

export function eventMeta(
  ticket: ExistingTicket,
  context: { actor: string; now: Date },
): TicketEventMeta {
  return { name: ticket.name, at: context.now.toISOString(), by: context.actor };
}

/** Empty strings and nulls are the same "no value" to Frappe. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
