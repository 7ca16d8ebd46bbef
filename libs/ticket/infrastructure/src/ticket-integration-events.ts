import type { RecordedEvent } from '@helpdesk/shared-event-store';
import type { OutgoingMessage } from '@helpdesk/shared-messaging';
import { namespacedSubject } from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketChangeEventNameV1,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import type { TicketEvent } from '@helpdesk/ticket-domain';
import { isCatalogueEvent, toCatalogueEventV1 } from './catalogue/catalogue-integration-events.js';

/** The explicit mapping from internal ticket events to the public v1 contract. */
export function toTicketEventV1(recorded: RecordedEvent): TicketEventV1 {
  const event = { type: recorded.type, data: recorded.data } as TicketEvent;
  const envelope = {
    id: recorded.eventId,
    ticketVersion: recorded.streamVersion,
    // When it happened by the clock the command was decided with (what `modified` shows), which
    // for imported history is long before it was written to the log.
    occurredAt: occurredAt(event) ?? recorded.recordedAt.toISOString(),
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
          agent_group: d.agentGroup ?? null,
          contact: d.contact ?? null,
          customer: d.customer ?? null,
          ...(d.openingDate === undefined ? {} : { opening_date: d.openingDate }),
          ...(d.fields ?? {}),
        },
      };
    }
    default:
      return {
        ...envelope,
        type: `${TICKET_EVENTS_SUBJECT_PREFIX}.${PUBLIC_NAMES[event.type]}`,
        ticket: event.data.name,
        data: publicData(event.data as unknown as Record<string, unknown>),
      };
  }
}

/** Internal event → public v1 name: every internal type must appear here, or this fails to compile. */
const PUBLIC_NAMES: Record<
  Exclude<TicketEvent['type'], 'TicketOpened'>,
  TicketChangeEventNameV1
> = {
  TicketSubjectChanged: 'subject-changed',
  TicketDescriptionChanged: 'description-changed',
  TicketStatusChanged: 'status-changed',
  TicketPriorityChanged: 'priority-changed',
  TicketTypeChanged: 'type-changed',
  TicketTeamChanged: 'team-changed',
  TicketContactChanged: 'contact-changed',
  TicketCustomerChanged: 'customer-changed',
  TicketResolutionDetailsChanged: 'resolution-details-changed',
  TicketFeedbackGiven: 'feedback-given',
  TicketFieldsChanged: 'fields-changed',
  AgentReplied: 'agent-replied',
  CustomerReplied: 'customer-replied',
  CommentAdded: 'comment-added',
  CommentEdited: 'comment-edited',
  CommentPinned: 'comment-pinned',
  CommentDeleted: 'comment-deleted',
  CommentReactionAdded: 'comment-reaction-added',
  CommentReactionRemoved: 'comment-reaction-removed',
  AgentAssigned: 'agent-assigned',
  AgentUnassigned: 'agent-unassigned',
  TicketSlaApplied: 'sla-applied',
  TicketResponseMetricsApplied: 'metrics-applied',
  TicketSeen: 'seen',
  TicketMergedInto: 'merged-into',
  TicketMerged: 'merged',
  TicketSplit: 'split',
  TicketSplitFrom: 'split-from',
  TicketClosedForInactivity: 'closed-for-inactivity',
  TicketDeleted: 'deleted',
};

/**
 * Data fields in Frappe's snake_case, in nested records too (a merge's copies); the ticket, time
 * and actor travel in the envelope.
 */
function publicData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'name' || key === 'at' || key === 'by') continue;
    out[snakeCase(key)] = snakeKeys(value);
  }
  return out;
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, nested]) => [snakeCase(key), snakeKeys(nested)]),
  );
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function occurredAt(event: TicketEvent): string | undefined {
  return event.type === 'TicketOpened' ? event.data.openedAt : event.data.at;
}

/** Subject and payload for any event in ticket-service's log: tickets and catalogues. */
export function ticketServiceMessage(namespace: string) {
  return (recorded: RecordedEvent): OutgoingMessage => {
    const payload = isCatalogueEvent(recorded)
      ? toCatalogueEventV1(recorded)
      : toTicketEventV1(recorded);
    return { subject: namespacedSubject(namespace, payload.type), payload };
  };
}
