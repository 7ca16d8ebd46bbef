import type { RecordedEvent } from '@helpdesk/shared-event-store';
import type { CatalogueEvent, HdSettingsChanged } from '@helpdesk/ticket-catalogue-domain';
import type { CatalogueEventV1 } from '@helpdesk/ticket-contracts';

const CATALOGUE_EVENT_TYPES = new Set([
  'CatalogueEntryAdded',
  'CatalogueEntryChanged',
  'CatalogueEntryRemoved',
  'HdSettingsChanged',
]);

export function isCatalogueEvent(recorded: RecordedEvent): boolean {
  return CATALOGUE_EVENT_TYPES.has(recorded.type);
}

/** The explicit mapping from internal catalogue and settings events to the public v1 contract. */
export function toCatalogueEventV1(recorded: RecordedEvent): CatalogueEventV1 {
  const envelope = {
    id: recorded.eventId,
    occurredAt: recorded.recordedAt.toISOString(),
    actor: recorded.metadata.actor ?? null,
    correlationId: recorded.metadata.correlationId ?? null,
  };
  const event = { type: recorded.type, data: recorded.data } as CatalogueEvent | HdSettingsChanged;
  switch (event.type) {
    case 'CatalogueEntryAdded':
      return {
        ...envelope,
        type: 'helpdesk.catalogue.v1.entry-added',
        doctype: event.data.doctype,
        name: event.data.name,
        data: event.data.values,
      };
    case 'CatalogueEntryChanged':
      return {
        ...envelope,
        type: 'helpdesk.catalogue.v1.entry-changed',
        doctype: event.data.doctype,
        name: event.data.name,
        data: event.data.changes,
      };
    case 'CatalogueEntryRemoved':
      return {
        ...envelope,
        type: 'helpdesk.catalogue.v1.entry-removed',
        doctype: event.data.doctype,
        name: event.data.name,
        data: {},
      };
    case 'HdSettingsChanged':
      return {
        ...envelope,
        type: 'helpdesk.catalogue.v1.settings-changed',
        doctype: 'HD Settings',
        name: 'HD Settings',
        data: event.data.changes,
      };
    default:
      return unmapped(event);
  }
}

function unmapped(event: never): never {
  throw new Error(`no public contract for catalogue event ${JSON.stringify(event)}`);
}
