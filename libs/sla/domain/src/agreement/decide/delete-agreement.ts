import { checkDefaultDeletable } from '../default-agreement.js';
import { eventMeta } from '../document-fields.js';
import type {
  DeleteServiceLevelAgreement,
  ServiceLevelAgreementContext,
} from '../service-level-agreement.commands.js';
import type { ServiceLevelAgreementState } from '../service-level-agreement.state.js';
import { decided, existingAgreement, type ServiceLevelAgreementDecision } from './guards.js';

/** `on_trash`: any SLA but the only default may go. */
export function deleteAgreement(
  state: ServiceLevelAgreementState,
  { data }: DeleteServiceLevelAgreement,
  context: ServiceLevelAgreementContext,
): ServiceLevelAgreementDecision {
  const agreement = existingAgreement(state, data.name);
  checkDefaultDeletable(agreement, context.otherDefaultSla);
  const deleted = eventMeta(agreement.name, context);
  return decided([{ type: 'ServiceLevelAgreementDeleted', data: deleted }]);
}
