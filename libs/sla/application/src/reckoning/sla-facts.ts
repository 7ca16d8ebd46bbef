import type { SlaTicketFact, StatusCategory } from '@helpdesk/sla-domain';
import type { TicketDocumentV1 } from '@helpdesk/ticket-contracts';

/** A published ticket event as the clock reads it (`helpdesk.ticket.v1.*`). */
export interface ClockTicketEvent {
  id: string;
  type: string;
  ticket: number;
  ticketVersion: number;
  occurredAt: string;
  actor: string | null;
  correlationId: string | null;
  data: Record<string, unknown>;
}

const PREFIX = 'helpdesk.ticket.v1.';

/**
 * What a ticket event tells the SLA clock, with the time it happened: the opening (and when
 * the clock starts), a status change with the dates it left, the first reply, or a hand-set
 * hold time. `before`/`after` are the ticket's fields around the event.
 */
export function slaFactOf(
  event: ClockTicketEvent,
  before: TicketDocumentV1 | undefined,
  after: TicketDocumentV1,
): SlaTicketFact | null {
  const at = new Date(event.occurredAt);
  switch (event.type.slice(PREFIX.length)) {
    case 'opened':
      return {
        type: 'opened',
        at,
        slaCreation: instant(after.service_level_agreement_creation) ?? at,
        status: String(after.status),
        category: category(after.status_category),
      };
    case 'status-changed':
      return {
        type: 'status-changed',
        at,
        status: String(after.status),
        category: category(after.status_category),
        firstRespondedOn: instant(after.first_responded_on),
        resolutionDate: instant(after.resolution_date),
      };
    case 'agent-replied': {
      const firstResponse = instant(after.first_responded_on);
      return firstResponse && !instant(before?.first_responded_on)
        ? { type: 'first-responded', at: firstResponse }
        : null;
    }
    case 'fields-changed': {
      const changed = event.data.fields as Record<string, unknown> | undefined;
      const hold = changed?.total_hold_time;
      return typeof hold === 'number' ? { type: 'hold-time-set', at, totalHoldTime: hold } : null;
    }
    default:
      return null;
  }
}

/** Events after which Frappe re-applies the SLA (a save); the rest change no SLA input. */
export function isSave(type: string): boolean {
  return !NOT_SAVES.has(type.slice(PREFIX.length));
}

const NOT_SAVES = new Set([
  'sla-applied',
  'metrics-applied',
  'seen',
  'comment-added',
  'comment-edited',
  'comment-pinned',
  'comment-deleted',
  'comment-reaction-added',
  'comment-reaction-removed',
  'agent-assigned',
  'agent-unassigned',
  'deleted',
]);

function instant(value: unknown): Date | null {
  if (typeof value !== 'string' || value === '') return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

function category(value: unknown): StatusCategory {
  return value === 'Paused' || value === 'Resolved' ? value : 'Open';
}
