import type { TicketEventMeta } from '../events/lifecycle.events.js';
import type { TicketSettings, TicketLookups } from '../ticket.context.js';
import type { TicketEvent } from '../ticket.events.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket } from '../ticket.state.js';
import { blankToNull, linkNotFound, statusCategory } from './guards.js';
import { statusChange } from './status-change.js';
import type { TicketChanges } from './ticket-changes.js';

type Settings = Pick<TicketSettings, 'defaultTicketType' | 'defaultPriority'>;

/**
 * Type then priority, as `set_ticket_type` and `set_priority` run: an empty type falls back to
 * the settings' default; an empty priority to the (new) type's priority, then the settings'.
 */
export function typeAndPriorityChanges(
  ticket: ExistingTicket,
  changes: TicketChanges,
  lookups: TicketLookups,
  settings: Settings,
  meta: TicketEventMeta,
): TicketEvent[] {
  const events: TicketEvent[] = [];
  const givenType = changes.ticketType === undefined ? ticket.ticketType : changes.ticketType;
  if (changes.ticketType && !lookups.typeExists(changes.ticketType)) {
    throw linkNotFound('Ticket Type', changes.ticketType, 'ticket_type');
  }
  const ticketType = blankToNull(givenType) ?? settings.defaultTicketType ?? '';
  if (ticketType !== ticket.ticketType) {
    events.push({ type: 'TicketTypeChanged', data: { ...meta, ticketType } });
  }
  if (changes.priority && !lookups.priorityExists(changes.priority)) {
    throw linkNotFound('Priority', changes.priority, 'priority');
  }
  const givenPriority = changes.priority === undefined ? ticket.priority : changes.priority;
  const priority =
    blankToNull(givenPriority) ?? defaultPriority(ticketType, lookups, settings.defaultPriority);
  if (priority !== ticket.priority) {
    events.push({ type: 'TicketPriorityChanged', data: { ...meta, priority } });
  }
  return events;
}

export function defaultPriority(
  ticketType: string,
  lookups: Partial<Pick<TicketLookups, 'typePriorityOf'>>,
  settingsDefault: string | null,
): string | null {
  const ofType = ticketType === '' ? undefined : lookups.typePriorityOf?.(ticketType);
  return blankToNull(ofType) ?? settingsDefault;
}

export function teamChanges(
  ticket: ExistingTicket,
  changes: TicketChanges,
  lookups: TicketLookups,
  meta: TicketEventMeta,
): TicketEvent[] {
  if (changes.agentGroup === undefined) return [];
  const agentGroup = blankToNull(changes.agentGroup);
  if (agentGroup !== null && lookups.teamExists?.(agentGroup) === false) {
    throw linkNotFound('Team', agentGroup, 'agent_group');
  }
  if (agentGroup === ticket.agentGroup) return [];
  return [{ type: 'TicketTeamChanged', data: { ...meta, agentGroup } }];
}

/** A status must name an enabled HD Ticket Status; it cannot be emptied. */
export function statusChanges(
  ticket: ExistingTicket,
  changes: TicketChanges,
  lookups: TicketLookups,
  meta: TicketEventMeta,
): TicketEvent[] {
  if (changes.status === undefined) return [];
  const status = blankToNull(changes.status);
  if (status === null) throw new TicketRuleViolation('mandatory', 'status is required', ['status']);
  return statusChange(ticket, status, statusCategory(status, lookups.statusCategoryOf), meta);
}
