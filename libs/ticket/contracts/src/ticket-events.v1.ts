/**
 * Public ticket events, version 1 (documented in docs/asyncapi/ticket-events.v1.yaml). These are
 * the contract with other services and third parties; internal domain events map onto them and
 * may change without breaking them.
 */
export const TICKET_EVENTS_STREAM = 'HELPDESK_TICKET';
export const TICKET_EVENTS_SUBJECT_PREFIX = 'helpdesk.ticket.v1';

interface TicketEventEnvelopeV1<T extends string, D> {
  /** Unique event id; also the JetStream `Nats-Msg-Id`. Consumers deduplicate on it. */
  id: string;
  type: T;
  /** The ticket's `name`. */
  ticket: number;
  /** Position of this event in the ticket's own stream (1, 2, …). */
  ticketVersion: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  data: D;
}

export type TicketOpenedV1 = TicketEventEnvelopeV1<
  'helpdesk.ticket.v1.opened',
  {
    subject: string;
    description: string | null;
    raised_by: string;
    status: string;
    status_category: string;
    priority: string | null;
    ticket_type: string;
    via_customer_portal: boolean;
    opened_by: string;
  }
>;

export type TicketEventV1 = TicketOpenedV1;
