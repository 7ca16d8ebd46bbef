import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import {
  ticketDocumentChanges,
  type TicketDocumentChange,
  type TicketEvent,
} from '@helpdesk/ticket-domain';
import {
  columnEntries,
  columnValue,
  openedTicketColumns,
  TICKET_COLUMNS,
} from './ticket-columns.js';
import { COUNTED_COLUMNS, type CountedValues, type TicketCountChanges } from './ticket-counts.js';

/** A ticket opened within a batch, folded to the row its events leave. */
interface FoldedTicket {
  name: number;
  version: number;
  columns: Map<string, unknown>;
  events: RecordedEvent[];
}

export function documentChange(recorded: RecordedEvent): TicketDocumentChange {
  return ticketDocumentChanges({ type: recorded.type, data: recorded.data } as TicketEvent);
}

/**
 * Splits a batch of events. Tickets whose first event here opens them are folded in memory to the
 * row the per-event projection would leave (an update applies only over an older version; a
 * delete removes the row). Every other event, and every ticket that ends deleted, is left over
 * for the per-event path, in its original order per ticket.
 */
export function foldOpenedTickets(
  events: RecordedEvent[],
  timeZone: string,
): { folded: FoldedTicket[]; leftOver: RecordedEvent[] } {
  const byTicket = new Map<number, { events: RecordedEvent[]; changes: TicketDocumentChange[] }>();
  for (const event of events) {
    const change = documentChange(event);
    const ticket = byTicket.get(change.name) ?? { events: [], changes: [] };
    ticket.events.push(event);
    ticket.changes.push(change);
    byTicket.set(change.name, ticket);
  }
  const folded: FoldedTicket[] = [];
  const leftOver: RecordedEvent[] = [];
  for (const [name, ticket] of byTicket) {
    const row = ticket.changes[0]?.op === 'insert' ? fold(ticket, timeZone) : undefined;
    if (row) folded.push({ name, ...row, events: ticket.events });
    else leftOver.push(...ticket.events);
  }
  return { folded, leftOver };
}

function fold(
  ticket: { events: RecordedEvent[]; changes: TicketDocumentChange[] },
  timeZone: string,
): { version: number; columns: Map<string, unknown> } | undefined {
  let row: { version: number; columns: Map<string, unknown> } | undefined;
  for (const [i, change] of ticket.changes.entries()) {
    const version = ticket.events[i]?.streamVersion ?? 0;
    if (change.op === 'insert') row ??= { version, columns: openedTicketColumns(change, timeZone) };
    else if (change.op === 'delete') row = undefined;
    else if (row && row.version < version) {
      row.version = version;
      for (const [field, value] of columnEntries(change)) row.columns.set(field, value);
    }
  }
  return row;
}

/**
 * Inserts the folded rows with one statement and counts them. A ticket whose row already exists
 * is left alone here; its events are returned, to be applied one by one as `project` would.
 */
export async function insertFoldedTickets(
  sql: Sql,
  tickets: FoldedTicket[],
  counts: TicketCountChanges,
): Promise<RecordedEvent[]> {
  if (tickets.length === 0) return [];
  const columns = [...new Set(tickets.flatMap((ticket) => [...ticket.columns.keys()]))];
  const records = tickets.map((ticket) => {
    const record: Record<string, unknown> = { stream_version: ticket.version };
    for (const column of columns) record[column] = recordValue(column, ticket.columns.get(column));
    return record;
  });
  const list = ['stream_version', ...columns].join(', ');
  const { rows } = await sql.query<CountedValues & { name: string }>(
    `INSERT INTO ticket.hd_ticket (${list})
     SELECT ${list} FROM jsonb_populate_recordset(NULL::ticket.hd_ticket, $1::jsonb)
     ON CONFLICT (name) DO NOTHING
     RETURNING name::text AS name, ${COUNTED_COLUMNS}`,
    [JSON.stringify(records)],
  );
  const inserted = new Set<number>();
  for (const row of rows) {
    const name = Number(row.name);
    inserted.add(name);
    counts.added(name, row);
  }
  return tickets.filter((ticket) => !inserted.has(ticket.name)).flatMap((ticket) => ticket.events);
}

/** As the per-event INSERT binds it, but JSON stays a value: the record set is JSON already. */
function recordValue(column: string, value: unknown): unknown {
  const field = TICKET_COLUMNS.get(column);
  if (field?.fieldtype === 'JSON') return value ?? null;
  return field ? columnValue(field, value) : value;
}
