import { autoCloseActivity } from './auto-close.js';
import type { TicketEvent } from './ticket.events.js';

/**
 * The HD Ticket Activity line an event stands for, worded as Frappe Helpdesk's
 * `handle_ticket_activity_update` logs it ("set status to Replied", "cleared team"), or undefined
 * for events the activity log does not record. Every change of these fields is logged, whatever
 * caused it: a save, a reply's status rule, a merge.
 */
export function activityOf(event: TicketEvent): string | undefined {
  switch (event.type) {
    case 'TicketStatusChanged':
      return setOrCleared('status', event.data.to);
    case 'TicketPriorityChanged':
      return setOrCleared('priority', event.data.priority);
    case 'TicketTeamChanged':
      return setOrCleared('team', event.data.agentGroup);
    case 'TicketContactChanged':
      return setOrCleared('contact', event.data.contact);
    case 'TicketTypeChanged':
      return setOrCleared('type', event.data.ticketType);
    case 'TicketSplitFrom':
      return `split the ticket from #${event.data.source}`;
    case 'TicketClosedForInactivity':
      return autoCloseActivity(event.data.days);
    default:
      return undefined;
  }
}

function setOrCleared(label: string, value: string | null): string {
  return value === null || value === '' ? `cleared ${label}` : `set ${label} to ${value}`;
}
