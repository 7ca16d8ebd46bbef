import { addDays, addMonths, startOfSiteDay } from '@helpdesk/shared-frappe-query';
import { FrappeError, formatFrappeDate, formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import type { MethodReply } from '@helpdesk/shared-messaging';
import { isAgent, type RequestContext } from '../request-context.js';
import {
  PENDING_TICKET_KINDS,
  type AgentHomeReads,
  type PendingTicketKind,
  type PendingTicketRow,
  type RecentActivityRow,
} from './agent-home.port.js';
import { timeDifference } from './time-difference.js';

/** Frappe's limits: six pending tickets a list, twenty activities over the last three days. */
const PENDING_LIMIT = 6;
const PENDING_CREATED_MONTHS = 6;
const NEW_ASSIGNMENT_DAYS = 7;
const ACTIVITY_LIMIT = 20;
const ACTIVITY_DAYS = 3;
const DAY_MS = 86_400_000;

/**
 * `helpdesk.api.agent_home.agent_home.get_pending_tickets` and `get_recent_activity`
 * (frappe-api §2.10, helpdesk-behaviour §5.4): the agent's own open work and own latest actions,
 * for agents only.
 */
export class AgentHomeMethods {
  constructor(
    private readonly reads: AgentHomeReads,
    private readonly timeZone: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async getPendingTickets(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    refuseNonAgents(context);
    const kind = pendingKind(params.ticket_type);
    const now = this.now();
    const today = formatFrappeDate(now, this.timeZone);
    const { tickets, total } = await this.reads.pendingTickets({
      kind,
      agent: context.user,
      createdSince: new Date(
        startOfSiteDay(addMonths(today, -PENDING_CREATED_MONTHS), this.timeZone),
      ),
      assignedSince: new Date(now.getTime() - NEW_ASSIGNMENT_DAYS * DAY_MS),
      limit: PENDING_LIMIT,
    });
    return {
      message: {
        tickets: tickets.map((ticket) => this.pendingTicket(kind, ticket, now)),
        total_pending_tickets: total,
      },
    };
  }

  async getRecentActivity(context: RequestContext): Promise<MethodReply> {
    refuseNonAgents(context);
    const now = this.now();
    const today = formatFrappeDate(now, this.timeZone);
    const rows = await this.reads.recentActivity(context, {
      since: new Date(startOfSiteDay(addDays(today, -ACTIVITY_DAYS), this.timeZone)),
      limit: ACTIVITY_LIMIT,
    });
    return { message: rows.map((row) => this.activity(row, now)) };
  }

  private pendingTicket(kind: PendingTicketKind, ticket: PendingTicketRow, now: Date) {
    const datetime = (value: Date | null) =>
      value === null ? null : formatFrappeDatetime(value, this.timeZone);
    const row = {
      name: ticket.name,
      subject: ticket.subject,
      status: ticket.status,
      priority: ticket.priority,
      agent_group: ticket.agent_group,
      creation: datetime(ticket.creation),
    };
    switch (kind) {
      case 'upcoming_sla':
        return {
          ...row,
          response_by: datetime(ticket.response_by),
          resolution_by: datetime(ticket.resolution_by),
          agreement_status: ticket.agreement_status,
          reason: slaReason(ticket, now),
        };
      case 'new_tickets':
        return { ...row, reason: { type: 'new_tickets', text: 'Recently assigned' } };
      case 'pending':
        return {
          ...row,
          last_customer_response: datetime(ticket.last_customer_response),
          reason: {
            type: 'pending',
            text: `Pending for ${ticket.last_customer_response ? timeDifference(ticket.last_customer_response, now) : ''}`,
          },
        };
    }
  }

  private activity(row: RecentActivityRow, now: Date) {
    return {
      name: row.ticket,
      subject: row.subject,
      activity_type: row.type,
      text: row.type === 'updated' ? capitalised(row.action) : null,
      timestamp: timeDifference(row.creation, now),
      creation: formatFrappeDatetime(row.creation, this.timeZone),
    };
  }
}

/** "Response due in 3h", "Resolution overdue", and how many seconds are left (negative: late). */
function slaReason(ticket: PendingTicketRow, now: Date) {
  const resolution = ticket.agreement_status === 'Resolution Due';
  const due = resolution ? ticket.resolution_by : ticket.response_by;
  const what = resolution ? 'Resolution' : 'Response';
  const left = due ? timeDifference(due, now, 'until') : '';
  return {
    type: 'upcoming_sla',
    text: left === 'overdue' ? `${what} overdue` : `${what} due in ${left}`,
    seconds_until_due: due ? (due.getTime() - now.getTime()) / 1000 : null,
  };
}

function capitalised(action: string | null): string | null {
  return action ? action.charAt(0).toUpperCase() + action.slice(1) : null;
}

function pendingKind(value: unknown): PendingTicketKind {
  if (value === undefined || value === null || value === '') return 'upcoming_sla';
  if (typeof value === 'string' && (PENDING_TICKET_KINDS as readonly string[]).includes(value)) {
    return value as PendingTicketKind;
  }
  throw FrappeError.validation(`ticket_type must be one of ${PENDING_TICKET_KINDS.join(', ')}`);
}

function refuseNonAgents(context: RequestContext): void {
  if (!isAgent(context)) {
    throw FrappeError.permission('You are not permitted to access this resource.');
  }
}
