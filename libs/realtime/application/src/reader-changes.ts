import { TICKET_EVENTS_SUBJECT_PREFIX, type TicketEventV1 } from '@helpdesk/ticket-contracts';

/**
 * Changes after which someone who could read a ticket may no longer: its team, contact or
 * customer moved, an assignee left, the raiser was edited, or it is gone. Sockets watching it are
 * checked again before anything more is sent to its rooms.
 */
const READER_CHANGES = new Set([
  'team-changed',
  'contact-changed',
  'customer-changed',
  'agent-unassigned',
  'fields-changed',
  'deleted',
]);

export function mayChangeReaders(event: TicketEventV1): boolean {
  return READER_CHANGES.has(event.type.slice(TICKET_EVENTS_SUBJECT_PREFIX.length + 1));
}
