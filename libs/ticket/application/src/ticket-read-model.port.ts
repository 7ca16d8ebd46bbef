import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import type { RequestContext } from './request-context.js';

/** The ticket read model, as the command and query handlers need it. */
export interface TicketReadModel {
  /** Allocates the next ticket `name` (an auto-incremented integer). */
  nextName(sql: Sql): Promise<number>;
  /** Applies appended events to the `hd_ticket` table, in the append's transaction. */
  project(sql: Sql, events: RecordedEvent[]): Promise<void>;
  /** The document; with a viewer, only if that viewer may see it (row-level permission). */
  findDocument(
    sql: Sql,
    name: number,
    viewer?: RequestContext,
  ): Promise<HdTicketDocument | undefined>;
  /** Frappe list parameters, restricted to the tickets the viewer may see. */
  list(sql: Sql, params: Record<string, unknown>, viewer: RequestContext): Promise<unknown[]>;
  count(sql: Sql, params: Record<string, unknown>, viewer: RequestContext): Promise<number>;
}
