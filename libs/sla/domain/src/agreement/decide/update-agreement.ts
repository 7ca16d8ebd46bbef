import { normaliseAgreementInput, withComputedFields } from '../agreement-values.js';
import { checkAgreement } from '../agreement-invariants.js';
import { changedFields, eventMeta } from '../document-fields.js';
import type {
  ServiceLevelAgreementContext,
  UpdateServiceLevelAgreement,
} from '../service-level-agreement.commands.js';
import { SLA_LABELS } from '../service-level-agreement.document.js';
import type { ServiceLevelAgreementState } from '../service-level-agreement.state.js';
import { SlaDocumentViolation } from '../sla-document-violation.js';
import { decided, existingAgreement, type ServiceLevelAgreementDecision } from './guards.js';

/** Records only what differs; the SLA as it would then be must still be valid. */
export function updateAgreement(
  state: ServiceLevelAgreementState,
  { data }: UpdateServiceLevelAgreement,
  context: ServiceLevelAgreementContext,
): ServiceLevelAgreementDecision {
  const { name, ...current } = existingAgreement(state, data.name);
  const renamed = data.changes.service_level;
  if (renamed !== undefined && (renamed ?? '').trim() !== current.service_level) {
    throw SlaDocumentViolation.invalid(`Value cannot be changed for ${SLA_LABELS.service_level}`, [
      'service_level',
    ]);
  }
  const given = normaliseAgreementInput(data.changes, context.siteTimeZone);
  const next = withComputedFields({ ...current, ...given });
  const changes = changedFields(next, current);
  if (Object.keys(changes).length === 0) return decided([]);
  const handover = checkAgreement(next, current, context);
  const updated = { ...eventMeta(name, context), changes };
  return decided([{ type: 'ServiceLevelAgreementUpdated', data: updated }], handover);
}
