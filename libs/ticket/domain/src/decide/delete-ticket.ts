import type { TicketDeleted } from '../events/lifecycle.events.js';
import type { DeleteTicket } from '../ticket.commands.js';
import type { TicketState } from '../ticket.state.js';
import { eventMeta, existingTicket, forbidden } from './guards.js';

/**
 * Customers have no delete permission on HD Ticket. Deleting also removes the ticket's comments
 * and activity (`on_trash`); afterwards the ticket is not found.
 */
export function deleteTicket(command: DeleteTicket, state: TicketState): TicketDeleted {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) {
    throw forbidden(`User not allowed to delete HD Ticket: ${ticket.name}`);
  }
  return { type: 'TicketDeleted', data: eventMeta(ticket, context) };
}
