import type { TicketEventMeta } from './lifecycle.events.js';

/**
 * A user's reaction to an internal note (HD Comment Reaction); `by` is the reacting user, who has
 * at most one reaction per note. `replaced` is the emoji it replaces, if the user had reacted
 * before; `commentedBy` is the note's author, whom reactions are reported to.
 */
export interface CommentReactionAdded {
  type: 'CommentReactionAdded';
  data: TicketEventMeta & {
    commentId: string;
    emoji: string;
    replaced: string | null;
    commentedBy: string;
  };
}

/** The user took their reaction back by choosing the same emoji again. */
export interface CommentReactionRemoved {
  type: 'CommentReactionRemoved';
  data: TicketEventMeta & { commentId: string; emoji: string; commentedBy: string };
}
