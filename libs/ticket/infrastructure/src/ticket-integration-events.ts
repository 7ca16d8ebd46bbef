import type { RecordedEvent } from '@helpdesk/shared-event-store';
import type { OutgoingMessage } from '@helpdesk/shared-messaging';
import { namespacedSubject } from '@helpdesk/shared-messaging';
import { TICKET_EVENTS_SUBJECT_PREFIX, type TicketEventV1 } from '@helpdesk/ticket-contracts';
import type { TicketEvent } from '@helpdesk/ticket-domain';

/** The explicit mapping from internal ticket events to the public v1 contract. */
export function toTicketEventV1(recorded: RecordedEvent): TicketEventV1 {
  const event = { type: recorded.type, data: recorded.data } as TicketEvent;
  const envelope = {
    id: recorded.eventId,
    ticketVersion: recorded.streamVersion,
    occurredAt: recorded.recordedAt.toISOString(),
    actor: recorded.metadata.actor ?? null,
    correlationId: recorded.metadata.correlationId ?? null,
  };
  switch (event.type) {
    case 'TicketOpened': {
      const d = event.data;
      return {
        ...envelope,
        type: 'helpdesk.ticket.v1.opened',
        ticket: d.name,
        data: {
          subject: d.subject,
          description: d.description,
          raised_by: d.raisedBy,
          status: d.status,
          status_category: d.statusCategory,
          priority: d.priority,
          ticket_type: d.ticketType,
          via_customer_portal: d.viaCustomerPortal,
          opened_by: d.openedBy,
        },
      };
    }
    default:
      // Every internal event needs a public mapping: a new event type fails to compile here.
      return unmapped(event.type);
  }
}

function unmapped(type: never): never {
  throw new Error(`no public contract for ticket event ${String(type)}`);
}

export function ticketEventMessage(namespace: string) {
  return (recorded: RecordedEvent): OutgoingMessage => {
    const payload = toTicketEventV1(recorded);
    const eventName = payload.type.slice(TICKET_EVENTS_SUBJECT_PREFIX.length + 1);
    return {
      subject: namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.${eventName}`),
      payload,
    };
  };
}
