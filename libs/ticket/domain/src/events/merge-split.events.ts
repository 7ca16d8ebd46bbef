import type { TicketEventMeta } from './lifecycle.events.js';

/** A Communication of a merged ticket, copied under a new name with its author and date kept. */
export interface CopiedCommunication {
  communicationId: string;
  copiedFrom: string;
  subject: string;
  content: string;
  sender: string;
  recipients: string | null;
  cc: string | null;
  bcc: string | null;
  sentOrReceived: 'Sent' | 'Received';
  emailAccount: string | null;
  attachments: string[];
  /** The original's `owner` and `creation` (an ISO-8601 instant). */
  owner: string;
  creation: string;
}

/** An internal note of a merged ticket, copied under a new name with its author and dates kept. */
export interface CopiedComment {
  commentId: string;
  copiedFrom: string;
  commentedBy: string;
  content: string;
  mentions: string[];
  isPinned: boolean;
  attachments: string[];
  creation: string;
  modified: string;
  modifiedBy: string;
}

/** This ticket was merged into `target` and now points there (`is_merged`, `merged_with`). */
export interface TicketMergedInto {
  type: 'TicketMergedInto';
  data: TicketEventMeta & { target: number };
}

/** Ticket `source` was merged into this one: copies of its conversation now belong here too. */
export interface TicketMerged {
  type: 'TicketMerged';
  data: TicketEventMeta & {
    source: number;
    communications: CopiedCommunication[];
    comments: CopiedComment[];
  };
}

/**
 * Part of this ticket became the new ticket `newTicket`: the Communications and notes written at
 * or after `since` (the creation of the Communication the split starts from) moved there, and so
 * did the activity logged since then.
 */
export interface TicketSplit {
  type: 'TicketSplit';
  data: TicketEventMeta & {
    newTicket: number;
    subject: string;
    communicationId: string;
    since: string;
    communications: string[];
    comments: string[];
  };
}

/** A Communication that moved to a split-off ticket, as the ticket's rules need it. */
export interface MovedCommunication {
  communicationId: string;
  at: string;
  sent: boolean;
}

/** A note that moved to a split-off ticket, with what its rules need: author, mentions, pin. */
export interface MovedComment {
  commentId: string;
  author: string;
  at: string;
  mentions: string[];
  pinned: boolean;
  /** `[user, emoji]`: each user's reaction. */
  reactions: [string, string][];
}

/**
 * This ticket was split off ticket `source` (`ticket_split_from`): it follows its opening and
 * carries the moved conversation. `openingTime` is `opening_time`, the site's `HH:mm:ss.ffffff`.
 */
export interface TicketSplitFrom {
  type: 'TicketSplitFrom';
  data: TicketEventMeta & {
    source: number;
    openingTime: string;
    communications: MovedCommunication[];
    comments: MovedComment[];
  };
}
