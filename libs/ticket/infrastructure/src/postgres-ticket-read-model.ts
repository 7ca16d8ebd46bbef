import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { formatFrappeDate } from '@helpdesk/shared-frappe-api';
import type { FieldMeta } from '@helpdesk/shared-frappe-query';
import { isAgent, type RequestContext, type TicketReadModel } from '@helpdesk/ticket-application';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import { ticketDocumentChanges, type TicketEvent } from '@helpdesk/ticket-domain';
import { projectConversation } from './conversation/conversation-projection.js';
import { HD_TICKET_META } from './doctype-meta/hd-ticket.meta.js';
import { FrappeListQueries, type RowFilter } from './frappe-list-queries.js';

const FIELDS = new Map<string, FieldMeta>(
  HD_TICKET_META.fields.filter((f) => f.constant === undefined).map((f) => [f.fieldname, f]),
);

function columnValue(field: FieldMeta, value: unknown): unknown {
  if (value === null || value === undefined) return field.fieldtype === 'Check' ? false : null;
  if (field.fieldtype === 'Check') return value === true || value === 1 || value === '1';
  if (field.fieldtype === 'JSON') return JSON.stringify(value);
  return value;
}

/**
 * `ticket.hd_ticket`, projected from ticket events in the append's transaction and read back as
 * Frappe documents. Only fields the HD Ticket meta declares are ever written.
 */
export class PostgresTicketReadModel implements TicketReadModel {
  readonly queries: FrappeListQueries;

  constructor(private readonly timeZone: string) {
    this.queries = new FrappeListQueries(HD_TICKET_META, timeZone);
  }

  async nextName(sql: Sql): Promise<number> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT nextval('ticket.hd_ticket_name_seq')::text AS name`,
    );
    return Number(rows[0]?.name);
  }

  async project(sql: Sql, events: RecordedEvent[]): Promise<void> {
    for (const event of events) {
      await this.apply(sql, event);
      await projectConversation(sql, event);
    }
  }

  async findDocument(
    sql: Sql,
    name: number,
    viewer?: RequestContext,
  ): Promise<HdTicketDocument | undefined> {
    const rowFilter = viewer ? ticketVisibility(viewer) : undefined;
    return (await this.queries.document(sql, name, rowFilter)) as HdTicketDocument | undefined;
  }

  list(sql: Sql, params: Record<string, unknown>, viewer: RequestContext): Promise<unknown[]> {
    return this.queries.list(sql, params, ticketVisibility(viewer));
  }

  count(sql: Sql, params: Record<string, unknown>, viewer: RequestContext): Promise<number> {
    return this.queries.count(sql, params, ticketVisibility(viewer));
  }

  private async apply(sql: Sql, recorded: RecordedEvent): Promise<void> {
    const change = ticketDocumentChanges({
      type: recorded.type,
      data: recorded.data,
    } as TicketEvent);
    const entries = Object.entries(change.fields).filter(([field]) => FIELDS.has(field));
    switch (change.op) {
      case 'insert': {
        const fields = new Map(entries);
        if (!fields.has('opening_date')) {
          fields.set(
            'opening_date',
            formatFrappeDate(new Date(String(fields.get('creation'))), this.timeZone),
          );
        }
        const columns = [...fields.keys()];
        const values = columns.map((c) => columnValue(FIELDS.get(c)!, fields.get(c)));
        await sql.query(
          `INSERT INTO ticket.hd_ticket (stream_version, ${columns.join(', ')})
           VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
           ON CONFLICT (name) DO NOTHING`,
          [recorded.streamVersion, ...values],
        );
        return;
      }
      case 'update': {
        const sets = entries.map(([field], i) => `${field} = $${i + 3}`);
        await sql.query(
          `UPDATE ticket.hd_ticket SET stream_version = $2${sets.map((s) => `, ${s}`).join('')}
           WHERE name = $1 AND stream_version < $2`,
          [
            change.name,
            recorded.streamVersion,
            ...entries.map(([field, value]) => columnValue(FIELDS.get(field)!, value)),
          ],
        );
        return;
      }
      case 'delete':
        await sql.query(`DELETE FROM ticket.hd_ticket WHERE name = $1`, [change.name]);
        return;
      case 'none':
        await sql.query(
          `UPDATE ticket.hd_ticket SET stream_version = $2 WHERE name = $1 AND stream_version < $2`,
          [change.name, recorded.streamVersion],
        );
        return;
    }
  }
}

/**
 * Frappe Helpdesk's `permission_query` for HD Ticket: agents see every ticket (team restriction
 * arrives with agents and teams); anyone else only tickets they own, raised or are the contact of.
 */
export function ticketVisibility(viewer: RequestContext): RowFilter | undefined {
  if (isAgent(viewer)) return undefined;
  return { text: '(owner = $1 OR contact = $1 OR raised_by = $1)', values: [viewer.user] };
}
