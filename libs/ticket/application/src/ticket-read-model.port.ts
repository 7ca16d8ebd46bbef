import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';

/** The ticket read model, as the command and query handlers need it. */
export interface TicketReadModel {
  /** Allocates the next ticket `name` (an auto-incremented integer). */
  nextName(sql: Sql): Promise<number>;
  /** Applies appended events to the `hd_ticket` table, in the append's transaction. */
  project(sql: Sql, events: RecordedEvent[]): Promise<void>;
  findDocument(sql: Sql, name: number): Promise<HdTicketDocument | undefined>;
}
