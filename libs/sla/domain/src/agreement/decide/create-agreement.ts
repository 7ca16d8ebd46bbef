import { newAgreementValues } from '../agreement-values.js';
import { checkAgreement } from '../agreement-invariants.js';
import { eventMeta } from '../document-fields.js';
import type {
  CreateServiceLevelAgreement,
  ServiceLevelAgreementContext,
} from '../service-level-agreement.commands.js';
import { SLA_DOCTYPE, SLA_LABELS } from '../service-level-agreement.document.js';
import type { ServiceLevelAgreementState } from '../service-level-agreement.state.js';
import { SlaDocumentViolation } from '../sla-document-violation.js';
import { decided, type ServiceLevelAgreementDecision } from './guards.js';

/** Named by `service_level`, which is taken once. */
export function createAgreement(
  state: ServiceLevelAgreementState,
  { data }: CreateServiceLevelAgreement,
  context: ServiceLevelAgreementContext,
): ServiceLevelAgreementDecision {
  const name = (data.values.service_level ?? '').trim();
  if (name === '') {
    throw SlaDocumentViolation.missing(SLA_DOCTYPE, SLA_LABELS.service_level, 'service_level');
  }
  if (state.kind === 'present') throw SlaDocumentViolation.alreadyExists(SLA_DOCTYPE, name);
  const values = newAgreementValues(name, data.values, context.siteTimeZone);
  const handover = checkAgreement(values, null, context);
  const created = { ...eventMeta(name, context), values };
  return decided([{ type: 'ServiceLevelAgreementCreated', data: created }], handover);
}
