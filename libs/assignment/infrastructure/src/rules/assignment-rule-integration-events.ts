import {
  ASSIGNMENT_EVENTS_SUBJECT_PREFIX,
  type AssignmentRuleEventV1,
} from '@helpdesk/assignment-contracts';
import type { AssignmentRuleEvent } from '@helpdesk/assignment-domain';
import type { RecordedEvent } from '@helpdesk/shared-event-store';
import { namespacedSubject, type OutgoingMessage } from '@helpdesk/shared-messaging';

const PUBLIC_NAMES = {
  AssignmentRuleCreated: 'rule-created',
  AssignmentRuleUpdated: 'rule-updated',
  AssignmentRuleSyncedWithTeam: 'rule-synced-with-team',
  AssignmentRuleDeleted: 'rule-deleted',
} as const;

/**
 * The explicit mapping from rule events to the public v1 contract. The pointer a rule moves on
 * each assignment is not a rule event; the assignments themselves are ticket events.
 */
export function toAssignmentRuleEventV1(recorded: RecordedEvent): AssignmentRuleEventV1 | null {
  const event = { type: recorded.type, data: recorded.data } as unknown as AssignmentRuleEvent;
  const envelope = {
    id: recorded.eventId,
    rule: event.data.name,
    version: recorded.streamVersion,
    occurredAt: event.data.at,
    actor: recorded.metadata.actor ?? null,
    correlationId: recorded.metadata.correlationId ?? null,
  };
  switch (event.type) {
    case 'AssignmentRuleCreated':
      return { ...envelope, type: publicType(event.type), data: { ...event.data.values } };
    case 'AssignmentRuleUpdated':
      return { ...envelope, type: publicType(event.type), data: { ...event.data.changes } };
    case 'AssignmentRuleSyncedWithTeam':
      return {
        ...envelope,
        type: publicType(event.type),
        data: { team: event.data.team, ...event.data.changes },
      };
    case 'AssignmentRuleDeleted':
      return { ...envelope, type: publicType(event.type), data: {} };
    default:
      return null;
  }
}

function publicType<T extends keyof typeof PUBLIC_NAMES>(type: T) {
  return `${ASSIGNMENT_EVENTS_SUBJECT_PREFIX}.${PUBLIC_NAMES[type]}` as const;
}

/** Subject and payload for each event of assignment-rule-service's log. */
export function assignmentServiceMessage(namespace: string) {
  return (recorded: RecordedEvent): OutgoingMessage => {
    const payload = toAssignmentRuleEventV1(recorded);
    if (!payload) throw new Error(`no public form for ${recorded.type}`);
    return { subject: namespacedSubject(namespace, payload.type), payload };
  };
}
