import type { CopiedComment, CopiedCommunication } from './events/merge-split.events.js';
import type {
  ActorContext,
  TicketDefaults,
  TicketLookups,
  TicketSettings,
} from './ticket.context.js';

/** A note to copy onto the merge target; its mentions are read from its content. */
export type CommentToCopy = Omit<CopiedComment, 'mentions'>;

/**
 * `merge_ticket`: `source` is closed and points to `target`, which receives copies of the
 * source's conversation under the new names given here. Decided over both tickets at once.
 */
export interface MergeTickets {
  type: 'MergeTickets';
  data: {
    source: number;
    target: number;
    communications: readonly CopiedCommunication[];
    comments: readonly CommentToCopy[];
    /** Names of the notice replied on the source and of the note added to the target. */
    noticeId: string;
    noteId: string;
  };
  context: ActorContext & { lookups: Pick<TicketLookups, 'statusCategoryOf'> };
}

/**
 * `split_ticket`: a new ticket `newName` takes the original's conversation from the given
 * Communication on; the original gets a notice pointing to it. Decided over both tickets.
 */
export interface SplitTicket {
  type: 'SplitTicket';
  data: {
    name: number;
    newName: number;
    subject: string;
    communicationId: string;
    noticeId: string;
  };
  context: ActorContext & {
    /** The new ticket's email-feedback key, opening date and time (site zone). */
    key: string;
    openingDate: string;
    openingTime: string;
    defaults: TicketDefaults;
    lookups: Pick<TicketLookups, 'statusCategoryOf'>;
    settings: Pick<TicketSettings, 'autoUpdateStatus' | 'updateStatusTo'>;
  };
}
