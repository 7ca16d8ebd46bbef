import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import { peopleDocumentOf, type PeopleEvent } from '@helpdesk/agent-domain';
import type { RecordedEvent } from '@helpdesk/shared-event-store';
import { namespacedSubject, type OutgoingMessage } from '@helpdesk/shared-messaging';
import { fullName } from '@helpdesk/agent-domain';
import { agentStatusEventV1 } from './agent-status-integration-events.js';
import { directoryEventV1 } from './directory-integration-events.js';
import { fieldLayoutEventV1 } from './field-layout-integration-events.js';

/**
 * The explicit mapping from agent-service's internal events to the public v1 contract. Every
 * event has a public form, so consumers see each document's versions without gaps; an issued key
 * pair is published only as the fact, never the key or its hash.
 */
export function toPeopleEventV1(recorded: RecordedEvent): PeopleEventV1 {
  const { name } = peopleDocumentOf(recorded.streamId);
  const envelope = {
    id: recorded.eventId,
    name,
    version: recorded.streamVersion,
    occurredAt: recorded.recordedAt.toISOString(),
    actor: recorded.metadata.actor ?? null,
    correlationId: recorded.metadata.correlationId ?? null,
  };
  const event = { type: recorded.type, data: recorded.data } as unknown as PeopleEvent;
  const none = {} as Record<string, never>;
  switch (event.type) {
    case 'UserRegistered': {
      const { at: _at, by: _by, name: _name, ...data } = event.data;
      return {
        ...envelope,
        doctype: 'User',
        type: 'helpdesk.people.v1.user-registered',
        data: { ...data, full_name: fullName(data.first_name, data.last_name), enabled: true },
      };
    }
    case 'UserProfileEdited': {
      const renamed = event.data.full_name === undefined ? {} : { full_name: event.data.full_name };
      return {
        ...envelope,
        doctype: 'User',
        type: 'helpdesk.people.v1.user-profile-changed',
        data: { ...event.data.changes, ...renamed },
      };
    }
    case 'UserEnabled':
      return { ...envelope, doctype: 'User', type: 'helpdesk.people.v1.user-enabled', data: none };
    case 'UserDisabled':
      return { ...envelope, doctype: 'User', type: 'helpdesk.people.v1.user-disabled', data: none };
    case 'UserRolesChanged': {
      const { roles, added, removed } = event.data;
      return {
        ...envelope,
        doctype: 'User',
        type: 'helpdesk.people.v1.user-roles-changed',
        data: { roles, added, removed },
      };
    }
    case 'UserApiKeysIssued':
      return {
        ...envelope,
        doctype: 'User',
        type: 'helpdesk.people.v1.user-api-keys-issued',
        data: none,
      };
    case 'UserPasswordSet':
      return {
        ...envelope,
        doctype: 'User',
        type: 'helpdesk.people.v1.user-password-changed',
        data: none,
      };
    case 'AgentEnrolled': {
      const { agent_name, user_image, is_active, availability, at } = event.data;
      return {
        ...envelope,
        doctype: 'HD Agent',
        type: 'helpdesk.people.v1.agent-enrolled',
        data: {
          agent_name,
          user_image,
          is_active,
          availability,
          availability_changed_on: availability === null ? null : at,
        },
      };
    }
    case 'AgentProfileEdited':
      return {
        ...envelope,
        doctype: 'HD Agent',
        type: 'helpdesk.people.v1.agent-profile-changed',
        data: event.data.changes,
      };
    case 'AgentActivated':
    case 'AgentDeactivated':
    case 'AgentRemoved': {
      const type = {
        AgentActivated: 'agent-activated',
        AgentDeactivated: 'agent-deactivated',
        AgentRemoved: 'agent-removed',
      } as const;
      return {
        ...envelope,
        doctype: 'HD Agent',
        type: `helpdesk.people.v1.${type[event.type]}`,
        data: none,
      };
    }
    case 'AgentAvailabilityChanged':
      return {
        ...envelope,
        doctype: 'HD Agent',
        type: 'helpdesk.people.v1.agent-availability-changed',
        data: {
          availability: event.data.availability,
          category: event.data.category,
          availability_changed_on: event.data.at,
        },
      };
    case 'TeamCreated': {
      const { users, ignore_restrictions, disabled } = event.data;
      return {
        ...envelope,
        doctype: 'HD Team',
        type: 'helpdesk.people.v1.team-created',
        data: { users, ignore_restrictions, disabled },
      };
    }
    case 'TeamMembersChanged': {
      const { users, added, removed } = event.data;
      return {
        ...envelope,
        doctype: 'HD Team',
        type: 'helpdesk.people.v1.team-members-changed',
        data: { users, added, removed },
      };
    }
    case 'TeamRestrictionsChanged':
      return {
        ...envelope,
        doctype: 'HD Team',
        type: 'helpdesk.people.v1.team-restrictions-changed',
        data: { ignore_restrictions: event.data.ignore_restrictions },
      };
    case 'TeamDisabled':
    case 'TeamEnabled':
    case 'TeamRemoved': {
      const type = {
        TeamDisabled: 'team-disabled',
        TeamEnabled: 'team-enabled',
        TeamRemoved: 'team-removed',
      } as const;
      return {
        ...envelope,
        doctype: 'HD Team',
        type: `helpdesk.people.v1.${type[event.type]}`,
        data: none,
      };
    }
    case 'TeamAssignmentRuleLinked':
      return {
        ...envelope,
        doctype: 'HD Team',
        type: 'helpdesk.people.v1.team-assignment-rule-linked',
        data: { assignment_rule: event.data.assignment_rule },
      };
    case 'AgentStatusCreated':
    case 'AgentStatusChanged':
    case 'AgentStatusRemoved':
      return agentStatusEventV1(envelope, event);
    case 'HdFieldLayoutCreated':
    case 'HdFieldLayoutChanged':
    case 'HdFieldLayoutRemoved':
      return fieldLayoutEventV1(envelope, event);
    default:
      return directoryEventV1(envelope, event);
  }
}

export function peopleServiceMessage(namespace: string) {
  return (recorded: RecordedEvent): OutgoingMessage => {
    const payload = toPeopleEventV1(recorded);
    return { subject: namespacedSubject(namespace, payload.type), payload };
  };
}
