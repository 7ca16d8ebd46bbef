import {
  SLA_EVENTS_SUBJECT_PREFIX,
  type SlaDocumentV1,
  type SlaEventV1,
} from '@helpdesk/sla-contracts';
import {
  HOLIDAY_LIST_DOCTYPE,
  SLA_DOCTYPE,
  type ServiceHolidayListEvent,
  type ServiceLevelAgreementEvent,
} from '@helpdesk/sla-domain';
import type { RecordedEvent } from '@helpdesk/shared-event-store';
import { namespacedSubject, type OutgoingMessage } from '@helpdesk/shared-messaging';
import type { SlaDocumentLog } from './sla-document-log.js';

/**
 * The explicit mapping from SLA document events to the public v1 contract: every save (a
 * creation, a change, a demotion) is `…-saved` with the whole document after it, so a consumer
 * keeps its copy from the latest event alone; a deletion is `…-deleted` with no data.
 */
export function toSlaEventV1(
  recorded: RecordedEvent,
  document: SlaDocumentV1 | undefined,
): SlaEventV1 | null {
  const event = { type: recorded.type, data: recorded.data } as unknown as
    ServiceLevelAgreementEvent | ServiceHolidayListEvent;
  const envelope = {
    id: recorded.eventId,
    name: event.data.name,
    version: recorded.streamVersion,
    occurredAt: event.data.at,
    actor: recorded.metadata.actor ?? null,
    correlationId: recorded.metadata.correlationId ?? null,
  };
  const agreement = { ...envelope, doctype: SLA_DOCTYPE } as const;
  const list = { ...envelope, doctype: HOLIDAY_LIST_DOCTYPE } as const;
  switch (event.type) {
    case 'ServiceLevelAgreementCreated':
    case 'ServiceLevelAgreementUpdated':
    case 'ServiceLevelAgreementDemoted':
      return document
        ? { ...agreement, type: publicType('agreement-saved'), data: document }
        : null;
    case 'ServiceLevelAgreementDeleted':
      return { ...agreement, type: publicType('agreement-deleted'), data: {} };
    case 'ServiceHolidayListCreated':
    case 'ServiceHolidayListUpdated':
      return document ? { ...list, type: publicType('holiday-list-saved'), data: document } : null;
    case 'ServiceHolidayListDeleted':
      return { ...list, type: publicType('holiday-list-deleted'), data: {} };
    default:
      return null;
  }
}

function publicType<T extends string>(name: T) {
  return `${SLA_EVENTS_SUBJECT_PREFIX}.${name}` as const;
}

/** Subject and payload for each event of sla-service's log, as read through `log`. */
export function slaServiceMessage(namespace: string, log: SlaDocumentLog) {
  return (recorded: RecordedEvent): OutgoingMessage => {
    const payload = toSlaEventV1(recorded, log.documentAfter(recorded));
    if (!payload) throw new Error(`no public form for ${recorded.type} on ${recorded.streamId}`);
    return { subject: namespacedSubject(namespace, payload.type), payload };
  };
}
