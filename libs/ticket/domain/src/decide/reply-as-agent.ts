import type { AgentReplied } from '../events/conversation.events.js';
import type { ReplyAsAgent } from '../ticket.commands.js';
import type { TicketEvent } from '../ticket.events.js';
import { evolve } from '../ticket.evolve.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';
import { descriptionFromMessage, replySubject } from './communication.js';
import { blankToNull, eventMeta, existingTicket, forbidden, statusCategory } from './guards.js';
import { statusChange } from './status-change.js';

/**
 * `reply_via_agent` and the effects of the "Sent" Communication: the first agent message is the
 * first response (when none was recorded), every one is the last agent response, and with
 * `auto_update_status` the ticket moves to `update_status_to`.
 */
export function replyAsAgent(command: ReplyAsAgent, state: TicketState): TicketEvent[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) throw forbidden('You are not permitted to reply as an agent');
  const meta = eventMeta(ticket, context);
  const replied: AgentReplied = {
    type: 'AgentReplied',
    data: {
      ...meta,
      communicationId: data.communicationId,
      subject: replySubject(ticket),
      content: data.message,
      sender: blankToNull(data.sender) ?? context.actor,
      recipients: blankToNull(data.to),
      cc: blankToNull(data.cc),
      bcc: blankToNull(data.bcc),
      emailAccount: blankToNull(data.emailAccount),
      attachments: [...(data.attachments ?? [])],
      firstRespondedOn: ticket.firstRespondedOn ?? meta.at,
    },
  };
  // The save that follows sees the reply's first response already recorded.
  const replyRecorded = evolve(ticket, replied) as ExistingTicket;
  const events: TicketEvent[] = [replied, ...descriptionFromMessage(ticket, data.message, meta)];
  const { autoUpdateStatus, updateStatusTo } = context.settings;
  const to = autoUpdateStatus ? blankToNull(updateStatusTo) : null;
  if (to !== null && to !== ticket.status) {
    const category = statusCategory(to, context.lookups.statusCategoryOf);
    events.push(...statusChange(replyRecorded, to, category, meta));
  }
  return events;
}
