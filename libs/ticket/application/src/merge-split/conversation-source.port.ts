import type { Sql } from '@helpdesk/shared-event-store';
import type { CopiedCommunication, CommentToCopy } from '@helpdesk/ticket-domain';

/** A ticket's Communications and notes, as a merge copies them (without new names yet). */
export interface ConversationToCopy {
  communications: Omit<CopiedCommunication, 'communicationId'>[];
  comments: Omit<CommentToCopy, 'commentId'>[];
}

/** Reads what a merge copies, on the merge's own transaction. */
export interface TicketConversationSource {
  conversation(sql: Sql, ticket: number): Promise<ConversationToCopy>;
}
