import type { SlaDocumentEventMeta } from './document-fields.js';
import type { ServiceLevelAgreementValues } from './service-level-agreement.document.js';

export interface ServiceLevelAgreementCreated {
  type: 'ServiceLevelAgreementCreated';
  data: SlaDocumentEventMeta & { values: ServiceLevelAgreementValues };
}

/** Only the fields that changed (computed ones included), with their new values. */
export interface ServiceLevelAgreementUpdated {
  type: 'ServiceLevelAgreementUpdated';
  data: SlaDocumentEventMeta & { changes: Partial<ServiceLevelAgreementValues> };
}

/** Another SLA became the default; this one's `default_sla` is 0 from now on. */
export interface ServiceLevelAgreementDemoted {
  type: 'ServiceLevelAgreementDemoted';
  data: SlaDocumentEventMeta & { in_favour_of: string };
}

export interface ServiceLevelAgreementDeleted {
  type: 'ServiceLevelAgreementDeleted';
  data: SlaDocumentEventMeta;
}

/**
 * Facts on an SLA's stream. The `type` string is what is stored: never rename one; add a new
 * event or upcast on read instead.
 */
export type ServiceLevelAgreementEvent =
  | ServiceLevelAgreementCreated
  | ServiceLevelAgreementUpdated
  | ServiceLevelAgreementDemoted
  | ServiceLevelAgreementDeleted;
