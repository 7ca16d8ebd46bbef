import type { TicketMerged, TicketSplit, TicketSplitFrom } from './events/merge-split.events.js';
import type { ExistingTicket, TicketComment, TicketCommunication } from './ticket.state.js';

/** Communications and notes a merge or a split adds to a ticket or takes from it. */
export interface ConversationChange {
  added: { communications: [string, TicketCommunication][]; comments: [string, TicketComment][] };
  removed: { communications: readonly string[]; comments: readonly string[] };
}

export function conversationChange(
  event: TicketMerged | TicketSplit | TicketSplitFrom,
): ConversationChange {
  const none = { communications: [], comments: [] };
  switch (event.type) {
    case 'TicketMerged':
      return {
        added: {
          communications: event.data.communications.map((c) => [
            c.communicationId,
            { at: c.creation, sent: c.sentOrReceived === 'Sent' },
          ]),
          comments: event.data.comments.map((c) => [
            c.commentId,
            {
              author: c.commentedBy,
              at: c.creation,
              mentions: c.mentions,
              pinned: c.isPinned,
              reactions: new Map(),
            },
          ]),
        },
        removed: none,
      };
    case 'TicketSplit':
      return { added: none, removed: event.data };
    case 'TicketSplitFrom':
      return {
        added: {
          communications: event.data.communications.map((c) => [
            c.communicationId,
            { at: c.at, sent: c.sent },
          ]),
          comments: event.data.comments.map((c) => [
            c.commentId,
            {
              author: c.author,
              at: c.at,
              mentions: c.mentions,
              pinned: c.pinned,
              reactions: new Map(c.reactions),
            },
          ]),
        },
        removed: none,
      };
  }
}

/**
 * The ticket with its conversation changed. Whether an agent has replied is read again from the
 * Communications it now has, as Frappe queries them.
 */
export function withConversation(
  ticket: ExistingTicket,
  change: ConversationChange,
): ExistingTicket {
  const communications = new Map(ticket.communications);
  const comments = new Map(ticket.comments);
  for (const id of change.removed.communications) communications.delete(id);
  for (const id of change.removed.comments) comments.delete(id);
  for (const [id, communication] of change.added.communications)
    communications.set(id, communication);
  for (const [id, comment] of change.added.comments) comments.set(id, comment);
  const agentHasReplied = [...communications.values()].some((c) => c.sent);
  return { ...ticket, communications, comments, agentHasReplied };
}
