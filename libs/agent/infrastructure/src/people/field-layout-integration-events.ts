import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import type { FieldLayoutEvent } from '@helpdesk/agent-domain';

type Envelope = Pick<
  PeopleEventV1,
  'id' | 'name' | 'version' | 'occurredAt' | 'actor' | 'correlationId'
>;

/** The public v1 form of HD Field Layout events: the fields, without the stamp or the name. */
export function fieldLayoutEventV1(envelope: Envelope, event: FieldLayoutEvent): PeopleEventV1 {
  const layout = { ...envelope, doctype: 'HD Field Layout' } as const;
  switch (event.type) {
    case 'HdFieldLayoutCreated': {
      const { document_type, user, type, apply_to_system, layout: charts } = event.data;
      return {
        ...layout,
        type: 'helpdesk.people.v1.field-layout-created',
        data: { document_type, user, type, apply_to_system, layout: charts },
      };
    }
    case 'HdFieldLayoutChanged':
      return {
        ...layout,
        type: 'helpdesk.people.v1.field-layout-changed',
        data: event.data.changes,
      };
    case 'HdFieldLayoutRemoved':
      return {
        ...layout,
        type: 'helpdesk.people.v1.field-layout-removed',
        data: {} as Record<string, never>,
      };
  }
}
