/** HD Ticket's data fields (frappe-api §1.1.2): a copy holds every one, empty ones as `null`. */
export const HD_TICKET_FIELDS = [
  'subject',
  'raised_by',
  'status',
  'priority',
  'ticket_type',
  'agent_group',
  'ticket_split_from',
  'description',
  'template',
  'sla',
  'response_by',
  'agreement_status',
  'resolution_by',
  'service_level_agreement_creation',
  'on_hold_since',
  'total_hold_time',
  'first_response_time',
  'first_responded_on',
  'avg_response_time',
  'resolution_details',
  'opening_date',
  'opening_time',
  'resolution_date',
  'resolution_time',
  'user_resolution_time',
  'contact',
  'customer',
  'email_account',
  'via_customer_portal',
  'attachment',
  'content_type',
  'feedback_extra',
  'feedback',
  'feedback_rating',
  'summary',
  'is_merged',
  'merged_with',
  'key',
  'status_category',
  'last_agent_response',
  'last_customer_response',
  'raised_outside_working_hours',
  'first_response_failed_by',
  'resolution_failed_by',
] as const;

/** A ticket's fields by Frappe name, as another service keeps them from the v1 events. */
export type TicketDocumentV1 = Record<string, unknown>;

export interface TicketDocumentStep {
  /** The fields after the event; `null` once the ticket is deleted. */
  fields: TicketDocumentV1 | null;
  /** Whether the event is a save of the ticket (Frappe runs its save hooks after it). */
  saved: boolean;
}

const PREFIX = 'helpdesk.ticket.v1.';

/** Changes whose `data` are the changed fields under their Frappe names. */
const FIELD_CHANGES = new Map<string, readonly string[]>([
  ['subject-changed', ['subject']],
  ['description-changed', ['description']],
  ['priority-changed', ['priority']],
  ['type-changed', ['ticket_type']],
  ['team-changed', ['agent_group']],
  ['contact-changed', ['contact']],
  ['customer-changed', ['customer']],
  ['resolution-details-changed', ['resolution_details']],
  ['feedback-given', ['feedback', 'feedback_rating', 'feedback_extra']],
]);

/**
 * One published event (`TicketEventV1`) applied to a copy of the ticket's fields. The caller applies each ticket's
 * events once and in `ticketVersion` order; events that change no field leave it as it was.
 */
export function foldTicketDocumentV1(
  fields: TicketDocumentV1 | undefined,
  event: { type: string; ticket: number; data: unknown },
): TicketDocumentStep {
  const kind = event.type.startsWith(PREFIX) ? event.type.slice(PREFIX.length) : event.type;
  const d = event.data as Record<string, unknown>;
  if (kind === 'opened') return { fields: opened(event.ticket, d), saved: true };
  if (!fields) throw new Error(`ticket ${event.ticket}: ${event.type} before the ticket opened`);
  const names = FIELD_CHANGES.get(kind);
  if (names) return { fields: { ...fields, ...pick(d, names) }, saved: true };
  switch (kind) {
    case 'status-changed':
      return {
        fields: {
          ...fields,
          status: d.to,
          status_category: d.to_category,
          first_responded_on: d.first_responded_on ?? fields.first_responded_on ?? null,
          resolution_date: d.resolution_date ?? null,
        },
        saved: true,
      };
    case 'fields-changed':
      return { fields: { ...fields, ...record(d.fields) }, saved: true };
    case 'sla-applied':
    case 'metrics-applied':
      return { fields: { ...fields, ...record(d.fields) }, saved: false };
    case 'agent-replied':
      return {
        fields: {
          ...fields,
          first_responded_on: d.first_responded_on ?? fields.first_responded_on ?? null,
        },
        saved: false,
      };
    case 'merged-into':
      return { fields: { ...fields, is_merged: 1, merged_with: d.target ?? null }, saved: false };
    case 'split-from':
      return {
        fields: {
          ...fields,
          ticket_split_from: d.source ?? null,
          opening_time: d.opening_time ?? null,
        },
        saved: false,
      };
    case 'deleted':
      return { fields: null, saved: false };
    default:
      return { fields, saved: false };
  }
}

function opened(ticket: number, data: Record<string, unknown>): TicketDocumentV1 {
  const fields: TicketDocumentV1 = Object.fromEntries(
    HD_TICKET_FIELDS.map((field) => [field, null]),
  );
  for (const [field, value] of Object.entries(data)) fields[field] = value ?? null;
  fields.name = ticket;
  fields.doctype = 'HD Ticket';
  fields.via_customer_portal = data.via_customer_portal ? 1 : 0;
  fields.is_merged = 0;
  return fields;
}

function pick(data: Record<string, unknown>, names: readonly string[]): TicketDocumentV1 {
  return Object.fromEntries(names.map((name) => [name, data[name] ?? null]));
}

function record(value: unknown): TicketDocumentV1 {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as TicketDocumentV1)
    : {};
}

/** A ticket event that arrived before one it follows; redelivered later, it applies in order. */
export class TicketEventOutOfOrder extends Error {
  constructor(ticket: number, version: number, applied: number) {
    super(`ticket ${ticket}: version ${version} arrived after ${applied}`);
    this.name = 'TicketEventOutOfOrder';
  }
}

/**
 * Whether a copy that has applied the ticket's events up to `applied` takes the event at
 * `version` now: false for one already applied, a `TicketEventOutOfOrder` for one that skips
 * ahead (the broker redelivers it after the ones before it).
 */
export function isNextTicketEvent(ticket: number, version: number, applied: number): boolean {
  if (version <= applied) return false;
  if (version !== applied + 1) throw new TicketEventOutOfOrder(ticket, version, applied);
  return true;
}
