import type { AssignmentRuleContext } from '../assignment-rule.commands.js';
import type { AssignmentRuleDocument } from '../assignment-rule.document.js';
import type { AssignmentRuleEventMeta } from '../assignment-rule.events.js';
import type { AssignmentRuleState } from '../assignment-rule.state.js';
import { AssignmentRuleViolation } from '../assignment-rule-violation.js';

export function existingRule(state: AssignmentRuleState, name: string): AssignmentRuleDocument {
  if (state.kind !== 'present') {
    throw new AssignmentRuleViolation('not-found', `Assignment Rule ${name} not found`);
  }
  return state.rule;
}

export function eventMeta(name: string, context: AssignmentRuleContext): AssignmentRuleEventMeta {
  return { name, at: context.now.toISOString(), by: context.actor };
}

/** The fields of `next` whose value differs from `current`'s (rows compared by content). */
export function changedFields<T extends object>(next: Partial<T>, current: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(current[key])) changes[key] = next[key];
  }
  return changes;
}
