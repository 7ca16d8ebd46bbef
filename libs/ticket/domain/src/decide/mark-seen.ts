import type { TicketSeen } from '../events/view.events.js';
import type { MarkSeen } from '../ticket.commands.js';
import type { TicketState } from '../ticket.state.js';
import { eventMeta, existingTicket } from './guards.js';

/**
 * `mark_seen`: whoever may read the ticket may mark it seen. Only a user's first view is a fact;
 * every later one decides nothing, so a ticket's stream does not grow with page views.
 */
export function markSeen(command: MarkSeen, state: TicketState): TicketSeen[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (ticket.seenBy.includes(context.actor)) return [];
  return [
    {
      type: 'TicketSeen',
      data: { ...eventMeta(ticket, context), seenBy: [...ticket.seenBy, context.actor] },
    },
  ];
}
