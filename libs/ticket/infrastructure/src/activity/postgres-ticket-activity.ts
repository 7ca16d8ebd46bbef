import { withConnection, type Sql } from '@helpdesk/shared-event-store';
import type { ActivityRow, TicketActivityReader } from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import { HD_TICKET_ACTIVITY_META, VIEW_LOG_META } from '../doctype-meta/activity.meta.js';
import { COMMUNICATION_META, HD_TICKET_COMMENT_META } from '../doctype-meta/conversation.meta.js';
import { FrappeListQueries } from '../frappe-list-queries.js';

const COMMUNICATION_FIELDS = [
  'bcc',
  'cc',
  'content',
  'creation',
  'communication_date',
  'name',
  'sender',
  'recipients',
  'subject',
  'delivery_status',
  'sent_or_received',
  'user',
];
const COMMENT_FIELDS = ['commented_by', 'content', 'creation', 'is_pinned', 'name'];

/** A ticket's conversation and logs from the read-model tables, rendered as Frappe renders them. */
export class PostgresTicketActivity implements TicketActivityReader {
  private readonly queries: Record<
    'communications' | 'comments' | 'history' | 'views',
    FrappeListQueries
  >;

  constructor(
    private readonly dataSource: DataSource,
    timeZone: string,
  ) {
    this.queries = {
      communications: new FrappeListQueries(COMMUNICATION_META, timeZone),
      comments: new FrappeListQueries(HD_TICKET_COMMENT_META, timeZone),
      history: new FrappeListQueries(HD_TICKET_ACTIVITY_META, timeZone),
      views: new FrappeListQueries(VIEW_LOG_META, timeZone),
    };
  }

  communications(ticket: number): Promise<ActivityRow[]> {
    return this.withAttachments('ticket.communication', (sql) =>
      this.queries.communications.list(sql, {
        fields: COMMUNICATION_FIELDS,
        filters: { reference_doctype: 'HD Ticket', reference_name: String(ticket) },
        order_by: 'creation asc',
        limit_page_length: 0,
      }),
    );
  }

  comments(ticket: number): Promise<ActivityRow[]> {
    return this.withAttachments('ticket.hd_ticket_comment', (sql) =>
      this.queries.comments.list(sql, {
        fields: COMMENT_FIELDS,
        filters: { reference_ticket: String(ticket) },
        order_by: 'creation asc',
        limit_page_length: 0,
      }),
    );
  }

  history(ticket: number): Promise<ActivityRow[]> {
    return this.rows('history', {
      fields: ['name', 'action', 'owner', 'creation'],
      filters: { ticket: String(ticket) },
      order_by: 'creation desc, stream_version desc',
      limit_page_length: 0,
    });
  }

  views(ticket: number): Promise<ActivityRow[]> {
    return this.rows('views', {
      fields: ['creation', 'name', 'viewed_by'],
      filters: { reference_doctype: 'HD Ticket', reference_name: String(ticket) },
      order_by: 'creation desc',
      limit_page_length: 0,
    });
  }

  private rows(query: 'history' | 'views', params: Record<string, unknown>) {
    return withConnection(
      this.dataSource,
      async (sql) => (await this.queries[query].list(sql, params)) as ActivityRow[],
    );
  }

  /** The listed rows, each with the File names stored beside it. */
  private withAttachments(
    table: 'ticket.communication' | 'ticket.hd_ticket_comment',
    list: (sql: Sql) => Promise<unknown[]>,
  ): Promise<ActivityRow[]> {
    return withConnection(this.dataSource, async (sql) => {
      const rows = (await list(sql)) as ActivityRow[];
      if (rows.length === 0) return rows;
      const { rows: files } = await sql.query<{ name: string; attachments: string[] }>(
        `SELECT name, attachments FROM ${table} WHERE name = ANY($1)`,
        [rows.map((row) => row.name)],
      );
      const byName = new Map(files.map((file) => [file.name, file.attachments]));
      return rows.map((row) => ({ ...row, attachments: byName.get(String(row.name)) ?? [] }));
    });
  }
}
