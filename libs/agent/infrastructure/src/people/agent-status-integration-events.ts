import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import type { AgentStatusEvent } from '@helpdesk/agent-domain';

type Envelope = Pick<
  PeopleEventV1,
  'id' | 'name' | 'version' | 'occurredAt' | 'actor' | 'correlationId'
>;

/** The public v1 form of HD Agent Status events: the fields, without the stamp. */
export function agentStatusEventV1(envelope: Envelope, event: AgentStatusEvent): PeopleEventV1 {
  const status = { ...envelope, doctype: 'HD Agent Status' } as const;
  switch (event.type) {
    case 'AgentStatusCreated': {
      const { category, color, status_order, enable } = event.data;
      return {
        ...status,
        type: 'helpdesk.people.v1.agent-status-created',
        data: { category, color, status_order, enable },
      };
    }
    case 'AgentStatusChanged':
      return {
        ...status,
        type: 'helpdesk.people.v1.agent-status-changed',
        data: event.data.changes,
      };
    case 'AgentStatusRemoved':
      return {
        ...status,
        type: 'helpdesk.people.v1.agent-status-removed',
        data: {} as Record<string, never>,
      };
  }
}
