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
    agent_group: string | null;
    contact: string | null;
    customer: string | null;
    /** `YYYY-MM-DD` in the site's zone. */
    opening_date?: string;
    /** Plain fields given at creation, by Frappe name (`template`, `summary`, `email_account`). */
    [field: string]: string | number | boolean | null | undefined;
  }
>;

/**
 * Every later change to a ticket, one event type per kind of change. `data` holds the values after
 * the change, with Frappe's snake_case field names.
 */
export const TICKET_CHANGE_EVENTS_V1 = [
  'subject-changed',
  'description-changed',
  'status-changed',
  'priority-changed',
  'type-changed',
  'team-changed',
  'contact-changed',
  'customer-changed',
  'resolution-details-changed',
  'feedback-given',
  'fields-changed',
  'agent-replied',
  'customer-replied',
  'comment-added',
  'comment-edited',
  'comment-pinned',
  'comment-deleted',
  'comment-reaction-added',
  'comment-reaction-removed',
  'agent-assigned',
  'agent-unassigned',
  'sla-applied',
  'metrics-applied',
  'seen',
  'merged-into',
  'merged',
  'split',
  'split-from',
  'closed-for-inactivity',
  'deleted',
] as const;

export type TicketChangeEventNameV1 = (typeof TICKET_CHANGE_EVENTS_V1)[number];

export type TicketChangedV1 = TicketEventEnvelopeV1<
  `helpdesk.ticket.v1.${TicketChangeEventNameV1}`,
  Record<string, unknown>
>;

export type TicketEventV1 = TicketOpenedV1 | TicketChangedV1;
