import type {
  ServiceLevelAgreementCommand,
  ServiceLevelAgreementContext,
} from './service-level-agreement.commands.js';
import type { ServiceLevelAgreementState } from './service-level-agreement.state.js';
import { createAgreement } from './decide/create-agreement.js';
import { deleteAgreement } from './decide/delete-agreement.js';
import { demoteAgreement } from './decide/demote-agreement.js';
import type { ServiceLevelAgreementDecision } from './decide/guards.js';
import { updateAgreement } from './decide/update-agreement.js';

export type { ServiceLevelAgreementDecision } from './decide/guards.js';

/**
 * The SLA's own rules: the events a command produces, the previous default to demote and the
 * messages to show, or an `SlaDocumentViolation`. Facts about other documents come in
 * `context`; nothing here reads or writes anything else.
 */
export function decideServiceLevelAgreement(
  state: ServiceLevelAgreementState,
  command: ServiceLevelAgreementCommand,
  context: ServiceLevelAgreementContext,
): ServiceLevelAgreementDecision {
  switch (command.type) {
    case 'CreateServiceLevelAgreement':
      return createAgreement(state, command, context);
    case 'UpdateServiceLevelAgreement':
      return updateAgreement(state, command, context);
    case 'DeleteServiceLevelAgreement':
      return deleteAgreement(state, command, context);
    case 'DemoteServiceLevelAgreement':
      return demoteAgreement(state, command, context);
    default:
      return exhaustive(command);
  }
}

function exhaustive(command: never): never {
  throw new Error(`unknown service level agreement command ${JSON.stringify(command)}`);
}
