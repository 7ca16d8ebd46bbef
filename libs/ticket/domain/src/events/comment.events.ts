import type { TicketEventMeta } from './lifecycle.events.js';

/** Internal notes (HD Ticket Comment); `by` is `commented_by`. */
export interface CommentAdded {
  type: 'CommentAdded';
  data: TicketEventMeta & {
    commentId: string;
    content: string;
    /** User ids mentioned in the content, each once, in order of appearance. */
    mentions: string[];
    attachments: string[];
  };
}

export interface CommentEdited {
  type: 'CommentEdited';
  data: TicketEventMeta & {
    commentId: string;
    content: string;
    /** Only the users this edit newly mentions: they are the ones to notify. */
    mentions: string[];
    /** Everyone the content mentions after the edit. */
    allMentions: string[];
  };
}

/** A note pinned to the top of the ticket's activity, or unpinned (`is_pinned`). */
export interface CommentPinned {
  type: 'CommentPinned';
  data: TicketEventMeta & { commentId: string; pinned: boolean };
}

export interface CommentDeleted {
  type: 'CommentDeleted';
  data: TicketEventMeta & { commentId: string };
}
