import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';
import { formatFrappeDate, formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import type { TicketReadModel } from '@helpdesk/ticket-application';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import type { TicketEvent } from '@helpdesk/ticket-domain';

type Row = Record<string, unknown> & {
  name: string;
  creation: Date;
  modified: Date;
  opening_date: string;
};

const DATETIME_FIELDS = [
  'response_by',
  'resolution_by',
  'first_responded_on',
  'last_agent_response',
  'last_customer_response',
  'resolution_date',
] as const;

/** Projects ticket events into `ticket.hd_ticket` and renders rows as Frappe documents. */
export class PostgresTicketReadModel implements TicketReadModel {
  constructor(private readonly timeZone: string) {}

  async nextName(sql: Sql): Promise<number> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT nextval('ticket.hd_ticket_name_seq')::text AS name`,
    );
    return Number(rows[0]?.name);
  }

  async project(sql: Sql, events: RecordedEvent[]): Promise<void> {
    for (const event of events) await this.apply(sql, event);
  }

  async findDocument(sql: Sql, name: number): Promise<HdTicketDocument | undefined> {
    const { rows } = await sql.query<Row>(
      `SELECT *, name::text AS name, opening_date::text AS opening_date FROM ticket.hd_ticket WHERE name = $1`,
      [name],
    );
    return rows[0] ? this.toDocument(rows[0]) : undefined;
  }

  private async apply(sql: Sql, recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as TicketEvent;
    switch (event.type) {
      case 'TicketOpened': {
        const d = event.data;
        // The opening date is the calendar day in the site zone, as Frappe's `Today` default.
        const openedAt = new Date(d.openedAt);
        await sql.query(
          `INSERT INTO ticket.hd_ticket (name, stream_version, owner, creation, modified, modified_by,
             subject, description, raised_by, status, status_category, priority, ticket_type,
             via_customer_portal, opening_date, key)
           VALUES ($1, $2, $3, $4, $4, $3, $5, $6, $7, $8, $9, $10, $11, $12, $13::date, $14)
           ON CONFLICT (name) DO NOTHING`,
          [
            d.name,
            recorded.streamVersion,
            d.openedBy,
            openedAt,
            d.subject,
            d.description,
            d.raisedBy,
            d.status,
            d.statusCategory,
            d.priority,
            d.ticketType,
            d.viaCustomerPortal,
            formatFrappeDate(openedAt, this.timeZone),
            d.key,
          ],
        );
        return;
      }
      default:
        // Unknown (newer) event types are ignored by this version of the projection.
        return;
    }
  }

  private toDocument(row: Row): HdTicketDocument {
    const datetime = (value: unknown) =>
      value instanceof Date ? formatFrappeDatetime(value, this.timeZone) : null;
    const datetimes = Object.fromEntries(DATETIME_FIELDS.map((f) => [f, datetime(row[f])]));
    return {
      doctype: 'HD Ticket',
      name: Number(row.name),
      owner: row.owner as string,
      creation: formatFrappeDatetime(row.creation, this.timeZone),
      modified: formatFrappeDatetime(row.modified, this.timeZone),
      modified_by: row.modified_by as string,
      docstatus: 0,
      idx: 0,
      subject: row.subject as string,
      description: (row.description as string | null) ?? null,
      raised_by: row.raised_by as string,
      status: row.status as string,
      status_category: row.status_category as string,
      priority: (row.priority as string | null) ?? null,
      ticket_type: row.ticket_type as string,
      agent_group: (row.agent_group as string | null) ?? null,
      contact: (row.contact as string | null) ?? null,
      customer: (row.customer as string | null) ?? null,
      via_customer_portal: row.via_customer_portal ? 1 : 0,
      opening_date: row.opening_date,
      key: row.key as string,
      _assign: row._assign ? JSON.stringify(row._assign) : null,
      sla: (row.sla as string | null) ?? null,
      agreement_status: (row.agreement_status as string | null) ?? null,
      first_response_time: (row.first_response_time as number | null) ?? null,
      avg_response_time: (row.avg_response_time as number | null) ?? null,
      resolution_details: (row.resolution_details as string | null) ?? null,
      resolution_time: (row.resolution_time as number | null) ?? null,
      feedback_rating: (row.feedback_rating as number | null) ?? null,
      feedback: (row.feedback as string | null) ?? null,
      feedback_extra: (row.feedback_extra as string | null) ?? null,
      ...(datetimes as Pick<HdTicketDocument, (typeof DATETIME_FIELDS)[number]>),
    };
  }
}
