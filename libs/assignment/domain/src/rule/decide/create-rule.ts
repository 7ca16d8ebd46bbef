import type { CreateAssignmentRule } from '../assignment-rule.commands.js';
import type { AssignmentRuleCreated } from '../assignment-rule.events.js';
import type { AssignmentRuleState } from '../assignment-rule.state.js';
import { AssignmentRuleViolation } from '../assignment-rule-violation.js';
import { checkRuleDocument } from '../rule-invariants.js';
import { newRuleValues } from '../rule-values.js';
import { eventMeta } from './guards.js';

/** Assignment Rule is named by prompt: the caller names it, and the name is taken once. */
export function createRule(
  { data, context }: CreateAssignmentRule,
  state: AssignmentRuleState,
): AssignmentRuleCreated {
  const name = data.name.trim();
  if (name === '') {
    throw new AssignmentRuleViolation('invalid', 'Please set the document name', ['name']);
  }
  if (state.kind === 'present') {
    throw new AssignmentRuleViolation('already-exists', `Assignment Rule ${name} already exists`);
  }
  const values = newRuleValues(data.values);
  checkRuleDocument(values, context);
  return { type: 'AssignmentRuleCreated', data: { ...eventMeta(name, context), values } };
}
