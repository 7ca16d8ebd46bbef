import type { UpdateAssignmentRule } from '../assignment-rule.commands.js';
import type { AssignmentRuleUpdated } from '../assignment-rule.events.js';
import type { AssignmentRuleState } from '../assignment-rule.state.js';
import { checkRuleDocument } from '../rule-invariants.js';
import { normaliseRuleInput } from '../rule-values.js';
import { changedFields, eventMeta, existingRule } from './guards.js';

/** Records only what differs; the rule as it would then be must still be valid. */
export function updateRule(
  { data, context }: UpdateAssignmentRule,
  state: AssignmentRuleState,
): AssignmentRuleUpdated[] {
  const current = existingRule(state, data.name);
  const changes = changedFields(normaliseRuleInput(data.changes), current);
  if (Object.keys(changes).length === 0) return [];
  const { name, ...next } = { ...current, ...changes };
  checkRuleDocument(next, context);
  return [{ type: 'AssignmentRuleUpdated', data: { ...eventMeta(name, context), changes } }];
}
