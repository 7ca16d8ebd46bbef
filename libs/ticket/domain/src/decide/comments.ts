import type {
  CommentAdded,
  CommentDeleted,
  CommentEdited,
  CommentPinned,
} from '../events/comment.events.js';
import { newlyMentioned, parseMentions } from '../mentions.js';
import type { AddComment, DeleteComment, EditComment, PinComment } from '../ticket.commands.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { ExistingTicket, TicketComment, TicketState } from '../ticket.state.js';
import { eventMeta, existingTicket, forbidden } from './guards.js';

/** `new_comment`: internal notes are for agents only; customers never see them. */
export function addComment(command: AddComment, state: TicketState): CommentAdded {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) throw forbidden('You are not permitted to add a comment');
  if (ticket.comments.has(data.commentId)) {
    throw new TicketRuleViolation(
      'already-exists',
      `HD Ticket Comment ${data.commentId} already exists`,
    );
  }
  return {
    type: 'CommentAdded',
    data: {
      ...eventMeta(ticket, context),
      commentId: data.commentId,
      content: data.content,
      mentions: parseMentions(data.content),
      attachments: [...(data.attachments ?? [])],
    },
  };
}

/** Only the author edits a comment: a note must not say what its author did not write. */
export function editComment(command: EditComment, state: TicketState): CommentEdited {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) throw forbidden('You are not permitted to edit this comment');
  const comment = existingComment(ticket, data.commentId);
  if (comment.author !== context.actor) {
    throw forbidden('You are not permitted to edit this comment');
  }
  const allMentions = parseMentions(data.content);
  return {
    type: 'CommentEdited',
    data: {
      ...eventMeta(ticket, context),
      commentId: data.commentId,
      content: data.content,
      mentions: newlyMentioned(comment.mentions, allMentions),
      allMentions,
    },
  };
}

/** `is_pinned`: any agent pins a note for everyone; no event when nothing changes. */
export function pinComment(command: PinComment, state: TicketState): CommentPinned[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) throw forbidden('You are not permitted to pin this comment');
  const comment = existingComment(ticket, data.commentId);
  if (comment.pinned === data.pinned) return [];
  return [
    {
      type: 'CommentPinned',
      data: { ...eventMeta(ticket, context), commentId: data.commentId, pinned: data.pinned },
    },
  ];
}

/** The author, or a manager moderating, deletes a comment. */
export function deleteComment(command: DeleteComment, state: TicketState): CommentDeleted {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) throw forbidden('You are not permitted to delete this comment');
  const comment = existingComment(ticket, data.commentId);
  if (comment.author !== context.actor && !context.actorIsManager) {
    throw forbidden('You are not permitted to delete this comment');
  }
  return {
    type: 'CommentDeleted',
    data: { ...eventMeta(ticket, context), commentId: data.commentId },
  };
}

function existingComment(ticket: ExistingTicket, commentId: string): TicketComment {
  const comment = ticket.comments.get(commentId);
  if (comment === undefined) {
    throw new TicketRuleViolation('not-found', `HD Ticket Comment ${commentId} not found`);
  }
  return comment;
}
