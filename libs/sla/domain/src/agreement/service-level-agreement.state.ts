import type { ServiceLevelAgreementDocument } from './service-level-agreement.document.js';
import type { ServiceLevelAgreementEvent } from './service-level-agreement.events.js';

/** A deleted SLA is absent again: Frappe lets a new SLA take the name. */
export type ServiceLevelAgreementState =
  { kind: 'absent' } | { kind: 'present'; agreement: ServiceLevelAgreementDocument };

export const initialServiceLevelAgreementState: ServiceLevelAgreementState = { kind: 'absent' };

export function evolveServiceLevelAgreement(
  state: ServiceLevelAgreementState,
  event: ServiceLevelAgreementEvent,
): ServiceLevelAgreementState {
  switch (event.type) {
    case 'ServiceLevelAgreementCreated':
      return { kind: 'present', agreement: { name: event.data.name, ...event.data.values } };
    case 'ServiceLevelAgreementUpdated':
      return changed(state, event.data.changes);
    case 'ServiceLevelAgreementDemoted':
      return changed(state, { default_sla: 0 });
    case 'ServiceLevelAgreementDeleted':
      return { kind: 'absent' };
    default:
      return exhaustive(event, state);
  }
}

function changed(
  state: ServiceLevelAgreementState,
  changes: Partial<ServiceLevelAgreementDocument>,
): ServiceLevelAgreementState {
  return state.kind === 'present'
    ? { kind: 'present', agreement: { ...state.agreement, ...changes } }
    : state;
}

/** A stored event this version does not know is skipped, never a crash while folding. */
function exhaustive(_: never, state: ServiceLevelAgreementState): ServiceLevelAgreementState {
  return state;
}
