import type { ConversationFact, MessageDirection } from '@helpdesk/metrics-domain';
import type { TicketEventV1 } from '@helpdesk/ticket-contracts';

/**
 * What a published ticket event changes in the metrics' copy of the ticket: messages added or
 * moved away, the SLA whose calendar the waits are measured in (with the ticket version that
 * set it, as the latest one wins), or the ticket's removal.
 */
export interface TicketConversationChange {
  ticket: number;
  facts: ConversationFact[];
  sla?: { name: string | null; version: number };
  deleted?: true;
}

const PREFIX = 'helpdesk.ticket.v1.';

/** The change an event makes, or null for the many events the metrics do not read. */
export function conversationChangeOf(event: TicketEventV1): TicketConversationChange | null {
  const { ticket } = event;
  // Messages of one event keep their order in it; events keep the ticket's.
  const position = (index: number) => event.ticketVersion * 1000 + index;
  const data = event.data as Record<string, unknown>;
  switch (event.type.slice(PREFIX.length)) {
    case 'customer-replied':
      return withFacts(ticket, [
        message(data.communication_id, 'received', event.occurredAt, position(0)),
      ]);
    case 'agent-replied':
      return withFacts(ticket, [
        message(data.communication_id, 'sent', event.occurredAt, position(0)),
      ]);
    case 'merged':
      return withFacts(
        ticket,
        rows(data.communications).map((copy, index) =>
          message(
            copy.communication_id,
            direction(copy.sent_or_received),
            copy.creation,
            position(index),
          ),
        ),
      );
    case 'split-from':
      return withFacts(
        ticket,
        rows(data.communications).map((moved, index) =>
          message(
            moved.communication_id,
            moved.sent === true ? 'sent' : 'received',
            moved.at,
            position(index),
          ),
        ),
      );
    case 'split': {
      const ids = Array.isArray(data.communications) ? data.communications.map(String) : [];
      return withFacts(ticket, [{ type: 'moved-away', ids }]);
    }
    case 'sla-applied': {
      const fields = (data.fields ?? {}) as Record<string, unknown>;
      if (!Object.hasOwn(fields, 'sla')) return null;
      const name = typeof fields.sla === 'string' && fields.sla !== '' ? fields.sla : null;
      return { ticket, facts: [], sla: { name, version: event.ticketVersion } };
    }
    case 'deleted':
      return { ticket, facts: [], deleted: true };
    default:
      return null;
  }
}

function withFacts(ticket: number, facts: (ConversationFact | null)[]): TicketConversationChange {
  return { ticket, facts: facts.filter((fact): fact is ConversationFact => fact !== null) };
}

function message(
  id: unknown,
  direction: MessageDirection,
  at: unknown,
  position: number,
): ConversationFact | null {
  const instant = typeof at === 'string' ? new Date(at) : null;
  if (typeof id !== 'string' || id === '' || !instant || Number.isNaN(instant.getTime())) {
    return null;
  }
  return { type: 'message', id, direction, at: instant, position };
}

function direction(sentOrReceived: unknown): MessageDirection {
  return sentOrReceived === 'Sent' ? 'sent' : 'received';
}

function rows(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
    : [];
}
