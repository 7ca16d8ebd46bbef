import type { RecordAssignmentRuleLastUser } from '../assignment-rule.commands.js';
import type { AssignmentRuleLastUserRecorded } from '../assignment-rule.events.js';
import type { AssignmentRuleState } from '../assignment-rule.state.js';
import { AssignmentRuleViolation } from '../assignment-rule-violation.js';
import { eventMeta, existingRule } from './guards.js';

/** What the next pick continues from; recording the same place again records nothing. */
export function recordLastUser(
  { data, context }: RecordAssignmentRuleLastUser,
  state: AssignmentRuleState,
): AssignmentRuleLastUserRecorded[] {
  const rule = existingRule(state, data.name);
  const last_user = data.last_user.trim();
  if (last_user === '') {
    throw new AssignmentRuleViolation('mandatory', 'last_user is required', ['last_user']);
  }
  const { current_index } = data;
  if (!Number.isInteger(current_index) || current_index < 0) {
    throw new AssignmentRuleViolation('invalid', 'current_index must be a whole number', [
      'current_index',
    ]);
  }
  if (rule.last_user === last_user && rule.current_index === current_index) return [];
  const recorded = { ...eventMeta(rule.name, context), last_user, current_index };
  return [{ type: 'AssignmentRuleLastUserRecorded', data: recorded }];
}
