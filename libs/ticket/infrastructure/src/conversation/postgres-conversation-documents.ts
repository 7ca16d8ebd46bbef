import { withConnection } from '@helpdesk/shared-event-store';
import type {
  ConversationDocuments,
  FrappeDocument,
  RequestContext,
} from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import { COMMUNICATION_META, HD_TICKET_COMMENT_META } from '../doctype-meta/conversation.meta.js';
import { FrappeListQueries, type RowFilter } from '../frappe-list-queries.js';
import { ticketVisibility } from '../postgres-ticket-read-model.js';

/**
 * Communications and comments are visible exactly when their ticket is: the ticket's row filter
 * is applied to the referenced ticket.
 */
function onVisibleTickets(column: string, viewer: RequestContext | undefined) {
  const tickets = viewer ? ticketVisibility(viewer) : undefined;
  if (!tickets) return undefined;
  const filter: RowFilter = {
    text: `${column} IN (SELECT name::text FROM ticket.hd_ticket WHERE ${tickets.text})`,
    values: tickets.values,
  };
  return filter;
}

export class PostgresConversationDocuments implements ConversationDocuments {
  private readonly communications: FrappeListQueries;
  private readonly comments: FrappeListQueries;

  constructor(
    private readonly dataSource: DataSource,
    timeZone: string,
  ) {
    this.communications = new FrappeListQueries(COMMUNICATION_META, timeZone);
    this.comments = new FrappeListQueries(HD_TICKET_COMMENT_META, timeZone);
  }

  listCommunications(params: Record<string, unknown>, viewer: RequestContext) {
    return withConnection(this.dataSource, (sql) =>
      this.communications.list(sql, params, onVisibleTickets('reference_name', viewer)),
    );
  }

  countCommunications(params: Record<string, unknown>, viewer: RequestContext) {
    return withConnection(this.dataSource, (sql) =>
      this.communications.count(sql, params, onVisibleTickets('reference_name', viewer)),
    );
  }

  communication(name: string, viewer?: RequestContext) {
    return withConnection(this.dataSource, (sql) =>
      this.communications.document(sql, name, onVisibleTickets('reference_name', viewer)),
    );
  }

  async lastCommunication(ticket: number): Promise<FrappeDocument | undefined> {
    const [last] = await withConnection(this.dataSource, (sql) =>
      this.communications.list(sql, {
        fields: ['*'],
        filters: { reference_doctype: 'HD Ticket', reference_name: String(ticket) },
        order_by: 'communication_date desc, creation desc',
        limit_page_length: 1,
      }),
    );
    return last === undefined ? undefined : { doctype: 'Communication', ...(last as object) };
  }

  listComments(params: Record<string, unknown>, viewer: RequestContext) {
    return withConnection(this.dataSource, (sql) =>
      this.comments.list(sql, params, onVisibleTickets('reference_ticket', viewer)),
    );
  }

  countComments(params: Record<string, unknown>, viewer: RequestContext) {
    return withConnection(this.dataSource, (sql) =>
      this.comments.count(sql, params, onVisibleTickets('reference_ticket', viewer)),
    );
  }

  comment(name: string, viewer?: RequestContext) {
    return withConnection(this.dataSource, (sql) =>
      this.comments.document(sql, name, onVisibleTickets('reference_ticket', viewer)),
    );
  }
}
