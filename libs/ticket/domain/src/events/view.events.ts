import type { TicketEventMeta } from './lifecycle.events.js';

/**
 * A user opened the ticket for the first time (`mark_seen`); `by` is that user. `seenBy` is the
 * ticket's whole `_seen` list after it, so the document can be updated from the event alone.
 * Later views by the same user are not facts worth keeping: they record nothing.
 */
export interface TicketSeen {
  type: 'TicketSeen';
  data: TicketEventMeta & { seenBy: string[] };
}
