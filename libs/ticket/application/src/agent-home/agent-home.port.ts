import type { RequestContext } from '../request-context.js';

/** The three lists of the agent home's "pending tickets" chart. */
export const PENDING_TICKET_KINDS = ['upcoming_sla', 'new_tickets', 'pending'] as const;
export type PendingTicketKind = (typeof PENDING_TICKET_KINDS)[number];

/** One of an agent's open tickets, with the columns its list shows. */
export interface PendingTicketRow {
  name: number;
  subject: string;
  status: string;
  priority: string | null;
  agent_group: string | null;
  creation: Date;
  response_by: Date | null;
  resolution_by: Date | null;
  agreement_status: string | null;
  last_customer_response: Date | null;
}

export interface PendingTicketsQuery {
  kind: PendingTicketKind;
  agent: string;
  /** Tickets created before this are left out (Frappe looks back six months). */
  createdSince: Date;
  /** For `new_tickets`: assignments made before this are not new. */
  assignedSince: Date;
  limit: number;
}

export interface PendingTickets {
  tickets: PendingTicketRow[];
  /** Every ticket of the list, not only those returned. */
  total: number;
}

/** What an agent did, as the agent home's recent activity names it. */
export type ActivityType = 'replied' | 'commented' | 'updated' | 'viewed' | 'assigned';

/** An agent's latest action on one ticket. */
export interface RecentActivityRow {
  ticket: string;
  subject: string;
  type: ActivityType;
  /** For `updated`: the HD Ticket Activity's action ("set status to Resolved"). */
  action: string | null;
  creation: Date;
}

export interface RecentActivityQuery {
  since: Date;
  limit: number;
}

/** The agent home's reads over ticket-service's tables. */
export interface AgentHomeReads {
  pendingTickets(query: PendingTicketsQuery): Promise<PendingTickets>;
  /**
   * The viewer's latest action per ticket since `query.since`, newest first, over the tickets the
   * viewer may still read.
   */
  recentActivity(viewer: RequestContext, query: RecentActivityQuery): Promise<RecentActivityRow[]>;
}
