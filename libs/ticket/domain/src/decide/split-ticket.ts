import type { TicketSplit, TicketSplitFrom } from '../events/merge-split.events.js';
import type { SplitTicket } from '../merge-split.commands.js';
import type { TicketEvent } from '../ticket.events.js';
import { evolve } from '../ticket.evolve.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';
import { eventMeta, existingTicket, forbidden } from './guards.js';
import { openTicket } from './open-ticket.js';
import { replyAsAgent } from './reply-as-agent.js';

/**
 * `split_ticket` (agents only). The new ticket copies the original's fields but not its
 * description, assignments or response bookkeeping, and opens like any new ticket (the default
 * status). Every Communication and note created at or after the given Communication moves to it;
 * the original gets an agent reply pointing to the new ticket, which the reply rules apply to.
 */
export function splitTicket(
  command: SplitTicket,
  original: TicketState,
  fresh: TicketState,
): { original: TicketEvent[]; split: TicketEvent[] } {
  const { data, context } = command;
  if (!context.actorIsAgent) throw forbidden('You are not permitted to access this resource.');
  const ticket = existingTicket(original, data.name);
  const from = ticket.communications.get(data.communicationId);
  if (from === undefined) {
    throw new TicketRuleViolation('not-found', `Communication ${data.communicationId} not found`);
  }
  const since = from.at;
  const communications = [...ticket.communications].filter(([, c]) => c.at >= since);
  const comments = [...ticket.comments].filter(([, c]) => c.at >= since);
  const meta = eventMeta(ticket, context);
  const split: TicketSplit = {
    type: 'TicketSplit',
    data: {
      ...meta,
      newTicket: data.newName,
      subject: data.subject,
      communicationId: data.communicationId,
      since,
      communications: communications.map(([id]) => id),
      comments: comments.map(([id]) => id),
    },
  };
  const notice = replyAsAgent(
    {
      type: 'ReplyAsAgent',
      data: {
        name: ticket.name,
        communicationId: data.noticeId,
        message: `This ticket has been split to a new ticket. Please follow up on ticket <a href=/helpdesk/tickets/${data.newName}>#${data.newName}</a>.`,
      },
      context,
    },
    evolve(ticket, split),
  );
  const splitFrom: TicketSplitFrom = {
    type: 'TicketSplitFrom',
    data: {
      ...meta,
      name: data.newName,
      source: ticket.name,
      openingTime: context.openingTime,
      communications: communications.map(([communicationId, c]) => ({ communicationId, ...c })),
      comments: comments.map(([commentId, c]) => ({
        commentId,
        author: c.author,
        at: c.at,
        mentions: [...c.mentions],
        pinned: c.pinned,
        reactions: [...c.reactions],
      })),
    },
  };
  return { original: [split, ...notice], split: [openCopy(command, ticket, fresh), splitFrom] };
}

/** The new ticket as Frappe's copy makes it: the original's fields, a new subject, no description. */
function openCopy(command: SplitTicket, ticket: ExistingTicket, fresh: TicketState): TicketEvent {
  const { data, context } = command;
  return openTicket(
    {
      type: 'OpenTicket',
      data: {
        name: data.newName,
        subject: data.subject,
        raisedBy: ticket.raisedBy,
        priority: ticket.priority,
        ticketType: ticket.ticketType,
        viaCustomerPortal: ticket.viaCustomerPortal,
        agentGroup: ticket.agentGroup,
        contact: ticket.contact,
        customer: ticket.customer,
        fields: ticket.fields,
      },
      context: {
        actor: context.actor,
        actorIsAgent: true,
        now: context.now,
        key: context.key,
        openingDate: context.openingDate,
        defaults: context.defaults,
        lookups: context.lookups,
      },
    },
    fresh,
  );
}
