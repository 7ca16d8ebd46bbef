import type { RecordedEvent } from '@helpdesk/shared-event-store';
import type { TicketEvent } from '@helpdesk/ticket-domain';

/** A stored ticket event as the domain type; stored shapes are the current ones (no upcasting yet). */
export function ticketEventOf(recorded: RecordedEvent): TicketEvent {
  return { type: recorded.type, data: recorded.data } as TicketEvent;
}
