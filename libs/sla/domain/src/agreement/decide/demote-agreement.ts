import { eventMeta } from '../document-fields.js';
import type {
  DemoteServiceLevelAgreement,
  ServiceLevelAgreementContext,
} from '../service-level-agreement.commands.js';
import type { ServiceLevelAgreementState } from '../service-level-agreement.state.js';
import { decided, existingAgreement, type ServiceLevelAgreementDecision } from './guards.js';

/** The previous default gives up the mark; one that no longer holds it records nothing. */
export function demoteAgreement(
  state: ServiceLevelAgreementState,
  { data }: DemoteServiceLevelAgreement,
  context: ServiceLevelAgreementContext,
): ServiceLevelAgreementDecision {
  const agreement = existingAgreement(state, data.name);
  if (!agreement.default_sla) return decided([]);
  const demoted = { ...eventMeta(agreement.name, context), in_favour_of: data.in_favour_of };
  return decided([{ type: 'ServiceLevelAgreementDemoted', data: demoted }]);
}
