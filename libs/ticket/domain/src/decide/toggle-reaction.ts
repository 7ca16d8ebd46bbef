import type { CommentReactionAdded, CommentReactionRemoved } from '../events/reaction.events.js';
import { assertPresetEmoji } from '../comment-reactions.js';
import type { ToggleReaction } from '../ticket.commands.js';
import { TicketRuleViolation } from '../ticket-rule-violation.js';
import type { TicketState } from '../ticket.state.js';
import { eventMeta, existingTicket, forbidden } from './guards.js';

/**
 * `toggle_reaction`: one reaction per user and note. Choosing the emoji already chosen removes
 * it, another emoji replaces it, and a first one adds it. Nothing happens while HD Settings
 * `enable_comment_reactions` is off. Notes are for agents only, so only agents react.
 */
export function toggleReaction(
  command: ToggleReaction,
  state: TicketState,
): (CommentReactionAdded | CommentReactionRemoved)[] {
  const { data, context } = command;
  const ticket = existingTicket(state, data.name);
  if (!context.actorIsAgent) throw forbidden('You are not permitted to access this resource.');
  if (!context.reactionsEnabled) return [];
  assertPresetEmoji(data.emoji);
  const comment = ticket.comments.get(data.commentId);
  if (!comment) throw new TicketRuleViolation('invalid', 'Comment not found', ['comment']);
  const meta = eventMeta(ticket, context);
  const mine = comment.reactions.get(context.actor);
  const reaction = { commentId: data.commentId, emoji: data.emoji, commentedBy: comment.author };
  if (mine === data.emoji) {
    return [{ type: 'CommentReactionRemoved', data: { ...meta, ...reaction } }];
  }
  return [{ type: 'CommentReactionAdded', data: { ...meta, ...reaction, replaced: mine ?? null } }];
}
