import type { AssignmentRuleDocument } from './assignment-rule.document.js';
import type { AssignmentRuleEvent } from './assignment-rule.events.js';

/** A deleted rule is absent again: Frappe lets a new rule take the name. */
export type AssignmentRuleState =
  { kind: 'absent' } | { kind: 'present'; rule: AssignmentRuleDocument };

export const initialAssignmentRuleState: AssignmentRuleState = { kind: 'absent' };

export function evolveAssignmentRule(
  state: AssignmentRuleState,
  event: AssignmentRuleEvent,
): AssignmentRuleState {
  switch (event.type) {
    case 'AssignmentRuleCreated':
      return { kind: 'present', rule: { name: event.data.name, ...event.data.values } };
    case 'AssignmentRuleUpdated':
    case 'AssignmentRuleSyncedWithTeam':
      return changed(state, event.data.changes);
    case 'AssignmentRuleLastUserRecorded': {
      const { last_user, current_index } = event.data;
      return changed(state, { last_user, current_index });
    }
    case 'AssignmentRuleDeleted':
      return { kind: 'absent' };
    default:
      return exhaustive(event, state);
  }
}

function changed(
  state: AssignmentRuleState,
  changes: Partial<AssignmentRuleDocument>,
): AssignmentRuleState {
  return state.kind === 'present'
    ? { kind: 'present', rule: { ...state.rule, ...changes } }
    : state;
}

/** A stored event this version does not know is skipped, never a crash while folding. */
function exhaustive(_: never, state: AssignmentRuleState): AssignmentRuleState {
  return state;
}
