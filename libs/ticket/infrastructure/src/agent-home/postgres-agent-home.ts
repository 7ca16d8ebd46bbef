import type {
  AgentHomeReads,
  PendingTicketKind,
  PendingTicketRow,
  PendingTickets,
  PendingTicketsQuery,
  RecentActivityQuery,
  RecentActivityRow,
  RequestContext,
} from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import { ticketVisibility } from '../postgres-ticket-read-model.js';
import { sameTicket, visibleTickets } from '../search/visible-tickets.js';

/**
 * Each list's own condition and order over the agent's open tickets. `_assign` is matched through
 * the agent's open assignments (`hd_ticket_assignment`, the same users, indexed by agent) rather
 * than Frappe's `_assign LIKE '%user%'`, which also matched users whose address contains another's.
 */
const PENDING: Record<PendingTicketKind, { where: string; order: string }> = {
  upcoming_sla: {
    where: `COALESCE(t.sla, '') <> ''
      AND t.agreement_status IN ('First Response Due', 'Resolution Due')`,
    // MariaDB, Frappe's database, sorts a missing due date first.
    order: 't.response_by ASC NULLS FIRST, t.name ASC',
  },
  new_tickets: { where: 'a.assigned_at >= $4', order: 't.creation DESC, t.name DESC' },
  pending: {
    where: 't.last_customer_response IS NOT NULL',
    order: 't.last_customer_response ASC, t.name ASC',
  },
};

interface PendingRow extends PendingTicketRow {
  total: string;
}

/**
 * Where the agent acted, newest first, at most `limit` from each source: replies sent, notes,
 * field changes other than the SLA's own, first views, assignments made. Each source reads its
 * (user, creation) index (`agent-home.migration.ts`). A tie on the instant (a reply and the status
 * change it made) goes to the source listed first, as Frappe's stable sort keeps it.
 */
const ACTIVITY_SOURCES = `
  (SELECT reference_name AS ticket, 'replied' AS type, NULL::text AS action, creation, 1 AS source
     FROM ticket.communication
    WHERE owner = $1 AND sent_or_received = 'Sent' AND reference_doctype = 'HD Ticket'
      AND creation >= $2
    ORDER BY creation DESC LIMIT $3)
  UNION ALL
  (SELECT reference_ticket, 'commented', NULL, creation, 2
     FROM ticket.hd_ticket_comment
    WHERE commented_by = $1 AND creation >= $2
    ORDER BY creation DESC LIMIT $3)
  UNION ALL
  (SELECT ticket, 'updated', action, creation, 3
     FROM ticket.hd_ticket_activity
    WHERE owner = $1 AND creation >= $2 AND action NOT ILIKE '%SLA%'
    ORDER BY creation DESC LIMIT $3)
  UNION ALL
  (SELECT reference_name, 'viewed', NULL, creation, 4
     FROM ticket.view_log
    WHERE viewed_by = $1 AND reference_doctype = 'HD Ticket' AND creation >= $2
    ORDER BY creation DESC LIMIT $3)
  UNION ALL
  (SELECT ticket::text, 'assigned', NULL, creation, 5
     FROM ticket.assignment_log
    WHERE assigned_by = $1 AND creation >= $2
    ORDER BY creation DESC LIMIT $3)`;

/** The agent home's reads (frappe-api §2.10) over ticket-service's own tables. */
export class PostgresAgentHome implements AgentHomeReads {
  constructor(private readonly dataSource: DataSource) {}

  async pendingTickets(query: PendingTicketsQuery): Promise<PendingTickets> {
    const { where, order } = PENDING[query.kind];
    const values: unknown[] = [query.agent, query.createdSince, query.limit];
    if (query.kind === 'new_tickets') values.push(query.assignedSince);
    const rows: PendingRow[] = await this.dataSource.query(
      `SELECT t.name, t.subject, t.status, t.priority, t.agent_group, t.creation, t.response_by,
              t.resolution_by, t.agreement_status, t.last_customer_response,
              count(*) OVER () AS total
         FROM ticket.hd_ticket_assignment a
         JOIN ticket.hd_ticket t ON t.name = a.ticket
        WHERE a.agent = $1 AND t.status_category = 'Open' AND t.creation >= $2 AND ${where}
        ORDER BY ${order}
        LIMIT $3`,
      values,
    );
    return {
      tickets: rows.map(({ total: _total, ...ticket }) => ({
        ...ticket,
        name: Number(ticket.name),
      })),
      total: Number(rows[0]?.total ?? 0),
    };
  }

  async recentActivity(
    viewer: RequestContext,
    query: RecentActivityQuery,
  ): Promise<RecentActivityRow[]> {
    // The visibility condition's only parameter is the viewer, `$1`, as here.
    const visible = visibleTickets(ticketVisibility(viewer));
    return this.dataSource.query(
      `WITH activity AS (${ACTIVITY_SOURCES}),
            latest AS (SELECT DISTINCT ON (ticket) *
                         FROM activity
                        WHERE ticket <> ''
                        ORDER BY ticket, creation DESC, source)
       SELECT l.ticket, t.subject, l.type, l.action, l.creation
         FROM latest l
         JOIN ${visible} t ON ${sameTicket('l.ticket')}
        ORDER BY l.creation DESC, l.source
        LIMIT $3`,
      [viewer.user, query.since, query.limit],
    );
  }
}
