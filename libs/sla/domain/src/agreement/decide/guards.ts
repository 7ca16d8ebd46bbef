import {
  SLA_DOCTYPE,
  type ServiceLevelAgreementDocument,
} from '../service-level-agreement.document.js';
import type { ServiceLevelAgreementEvent } from '../service-level-agreement.events.js';
import type { ServiceLevelAgreementState } from '../service-level-agreement.state.js';
import { SlaDocumentViolation } from '../sla-document-violation.js';

/** What a command decides: the SLA's events, and what the application does next to it. */
export interface ServiceLevelAgreementDecision {
  events: ServiceLevelAgreementEvent[];
  /**
   * The SLA that was the default until this one became it: the application sends it
   * `DemoteServiceLevelAgreement` in the same transaction.
   */
  demote: string | null;
  /** What Frappe shows without refusing (msgprint): the demotion notice, priorities left out. */
  messages: string[];
}

export function decided(
  events: ServiceLevelAgreementEvent[],
  { demote, messages }: Pick<ServiceLevelAgreementDecision, 'demote' | 'messages'> = {
    demote: null,
    messages: [],
  },
): ServiceLevelAgreementDecision {
  return { events, demote, messages };
}

export function existingAgreement(
  state: ServiceLevelAgreementState,
  name: string,
): ServiceLevelAgreementDocument {
  if (state.kind !== 'present') throw SlaDocumentViolation.notFound(SLA_DOCTYPE, name);
  return state.agreement;
}
