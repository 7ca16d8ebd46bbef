import type { TicketDescriptionChanged } from '../events/field.events.js';
import type { TicketEventMeta } from '../events/lifecycle.events.js';
import type { ExistingTicket } from '../ticket.state.js';

/** The subject Frappe gives every Communication on a ticket. */
export function replySubject(ticket: ExistingTicket): string {
  return `Re: ${ticket.subject}`;
}

/**
 * `on_communication_update`: a ticket without a description takes the first message's content
 * (how a ticket created from an email gets its description).
 */
export function descriptionFromMessage(
  ticket: ExistingTicket,
  message: string,
  meta: TicketEventMeta,
): TicketDescriptionChanged[] {
  if (ticket.description !== null || message.trim() === '') return [];
  return [{ type: 'TicketDescriptionChanged', data: { ...meta, description: message } }];
}
