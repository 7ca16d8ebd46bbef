import type { TicketMerged, TicketMergedInto } from '../events/merge-split.events.js';
import type { MergeTickets } from '../merge-split.commands.js';
import { parseMentions } from '../mentions.js';
import type { TicketEvent } from '../ticket.events.js';
import { evolve } from '../ticket.evolve.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket, TicketState } from '../ticket.state.js';
import { addComment } from './comments.js';
import { eventMeta, forbidden, statusCategory } from './guards.js';
import { replyAsAgent } from './reply-as-agent.js';
import { statusChange } from './status-change.js';

/**
 * `merge_ticket` (agents only). Both tickets must exist and differ. The source is marked merged
 * into the target and closed (the status literally named "Closed"), and an agent reply on it says
 * where the conversation continues; the reply does not move the status again. The target gets
 * copies of the source's Communications and notes, then a note saying what was merged.
 */
export function mergeTickets(
  command: MergeTickets,
  source: TicketState,
  target: TicketState,
): { source: TicketEvent[]; target: TicketEvent[] } {
  const { data, context } = command;
  if (!context.actorIsAgent) throw forbidden('You are not permitted to access this resource.');
  if (source.kind !== 'existing') throw invalid('Source ticket does not exist');
  if (target.kind !== 'existing') throw invalid('Target ticket does not exist');
  if (data.source === data.target) throw invalid('Source and target ticket cannot be same');
  return { source: closeIntoTarget(command, source), target: receiveCopies(command, target) };
}

function closeIntoTarget(command: MergeTickets, source: ExistingTicket): TicketEvent[] {
  const { data, context } = command;
  const meta = eventMeta(source, context);
  const merged: TicketMergedInto = {
    type: 'TicketMergedInto',
    data: { ...meta, target: data.target },
  };
  const closed = statusCategory('Closed', context.lookups.statusCategoryOf);
  const events: TicketEvent[] = [merged, ...statusChange(source, 'Closed', closed, meta)];
  const notice = replyAsAgent(
    {
      type: 'ReplyAsAgent',
      data: {
        name: source.name,
        communicationId: data.noticeId,
        message: `This ticket (#${data.source}) has been merged with ticket <a href = '/helpdesk/tickets/${data.target}'>#${data.target}</a>.`,
      },
      context: { ...context, settings: { autoUpdateStatus: false, updateStatusTo: null } },
    },
    events.reduce(evolve, source as TicketState),
  );
  return [...events, ...notice];
}

function receiveCopies(command: MergeTickets, target: ExistingTicket): TicketEvent[] {
  const { data, context } = command;
  const merged: TicketMerged = {
    type: 'TicketMerged',
    data: {
      ...eventMeta(target, context),
      source: data.source,
      communications: data.communications.map((c) => ({ ...c, attachments: [...c.attachments] })),
      comments: data.comments.map((c) => ({
        ...c,
        attachments: [...c.attachments],
        mentions: parseMentions(c.content),
      })),
    },
  };
  const note = addComment(
    {
      type: 'AddComment',
      data: {
        name: target.name,
        commentId: data.noteId,
        content: `Ticket <a href=/helpdesk/tickets/${data.source}> #${data.source}</a>  has been merged with ticket #${data.target}.`,
      },
      context,
    },
    evolve(target, merged),
  );
  return [merged, note];
}

function invalid(message: string): TicketRuleViolation {
  return new TicketRuleViolation('invalid', message);
}
