import type { CustomerReplied } from '../events/conversation.events.js';
import type { ReplyAsCustomer } from '../ticket.commands.js';
import type { TicketEvent } from '../ticket.events.js';
import type { TicketState } from '../ticket.state.js';
import { descriptionFromMessage, replySubject } from './communication.js';
import { assertCustomerMayUpdate, eventMeta, existingTicket, statusCategory } from './guards.js';
import { statusChange } from './status-change.js';

/**
 * `create_communication_via_contact` and the effects of the "Received" Communication: it is the
 * last customer response, and the ticket goes back to the reopen status when an agent has already
 * replied, else to the default open status. A new ticket's description is only recorded.
 */
export function replyAsCustomer(command: ReplyAsCustomer, state: TicketState): TicketEvent[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  assertCustomerMayUpdate(ticket, context.actorIsAgent);
  const meta = eventMeta(ticket, context);
  const replied: CustomerReplied = {
    type: 'CustomerReplied',
    data: {
      ...meta,
      communicationId: data.communicationId,
      subject: replySubject(ticket),
      content: data.message,
      sender: context.actor,
      attachments: [...(data.attachments ?? [])],
      newTicket: data.newTicket ?? false,
    },
  };
  const events: TicketEvent[] = [replied, ...descriptionFromMessage(ticket, data.message, meta)];
  if (data.newTicket) return events;
  const { ticketReopenStatus, defaultTicketStatus } = context.settings;
  const to = ticket.agentHasReplied ? ticketReopenStatus : defaultTicketStatus;
  if (to !== ticket.status) {
    const category = statusCategory(to, context.lookups.statusCategoryOf);
    events.push(...statusChange(ticket, to, category, meta));
  }
  return events;
}
