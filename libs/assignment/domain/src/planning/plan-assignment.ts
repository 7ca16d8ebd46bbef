import { ownField } from '@helpdesk/shared-conditions';
import { pickUser } from '../picking/pick-user.js';
import type { AssignmentRuleDocument } from '../rule/assignment-rule.document.js';
import {
  evaluateRuleCondition,
  hasRuleCondition,
  type ConditionSlot,
} from '../rule/rule-conditions.js';
import type {
  AssignmentDecision,
  AssignmentPlan,
  ConditionFailure,
  CloseStep,
  ExistingAssignment,
  PlanAssignmentInput,
} from './assignment-plan.js';
import { renderRuleDescription } from './rule-description.js';
import { rulesInOrder } from './rule-order.js';

/**
 * Frappe's Assignment Rule `apply`, run after every insert and save of a ticket, as a decision:
 * 1. With assignments present, the first rule (in order) that created one of them, has an
 *    unassign condition and finds it true cancels them all. Otherwise they are kept and nothing
 *    new is assigned; a manual assignment is never cleared on its own account.
 * 2. With none (or none left), the first rule whose assign condition holds and that finds a user
 *    assigns that user.
 * 3. While assignments remain, the close step may close or reopen them.
 */
export function planAssignment(input: PlanAssignmentInput): AssignmentPlan {
  const rules = rulesInOrder(input.rules, input.today);
  const failures: ConditionFailure[] = [];
  const holds = (rule: AssignmentRuleDocument, slot: ConditionSlot) => {
    const outcome = evaluateRuleCondition(rule, slot, input.ticket);
    if (outcome.error) failures.push({ rule: rule.name, condition: slot, message: outcome.error });
    return outcome.matched;
  };
  const existing = input.assignments;
  const unassignedBy = existing.length > 0 ? unassigningRule(rules, existing, holds) : null;
  const decision =
    existing.length > 0 && !unassignedBy
      ? { kind: 'keep' as const }
      : assignment(rules, input, holds, unassignedBy);
  const remaining = remainingAfter(decision, existing);
  const close = remaining.length > 0 ? closeStep(rules, remaining, decision, holds) : null;
  return { decision, close, failures };
}

type Holds = (rule: AssignmentRuleDocument, slot: ConditionSlot) => boolean;

function unassigningRule(
  rules: readonly AssignmentRuleDocument[],
  existing: readonly ExistingAssignment[],
  holds: Holds,
): string | null {
  const created = new Set(existing.map((assignment) => assignment.rule));
  const clearing = rules.find(
    (rule) =>
      hasRuleCondition(rule, 'unassign') && created.has(rule.name) && holds(rule, 'unassign'),
  );
  return clearing?.name ?? null;
}

function assignment(
  rules: readonly AssignmentRuleDocument[],
  input: PlanAssignmentInput,
  holds: Holds,
  unassignedBy: string | null,
): AssignmentDecision {
  const cancel = unassignedBy ? input.assignments.map((assignment) => assignment.user) : [];
  for (const rule of rules) {
    if (!holds(rule, 'assign')) continue;
    const picked = pickUser(rule, input);
    if (!picked) continue;
    const { user, ...record } = picked;
    return {
      kind: 'assign',
      rule: rule.name,
      user,
      description: renderRuleDescription(rule.description, input.ticket),
      dueDate: rule.due_date_based_on
        ? (ownField(input.ticket, rule.due_date_based_on).value ?? null)
        : null,
      unassignedBy,
      cancel,
      record,
    };
  }
  return unassignedBy ? { kind: 'unassign-all', rule: unassignedBy, cancel } : { kind: 'nothing' };
}

function remainingAfter(
  decision: AssignmentDecision,
  existing: readonly ExistingAssignment[],
): readonly ExistingAssignment[] {
  if (decision.kind === 'assign') return [{ user: decision.user, rule: decision.rule }];
  return decision.kind === 'keep' ? existing : [];
}

/**
 * Frappe's close step. Without a new assignment, the first rule whose close condition holds
 * closes them all, and otherwise a rule reopens closed ones and stops there. After a new
 * assignment, any rule's close condition closes them all. Team rules have no close condition.
 */
function closeStep(
  rules: readonly AssignmentRuleDocument[],
  remaining: readonly ExistingAssignment[],
  decision: AssignmentDecision,
  holds: Holds,
): CloseStep | null {
  const someClosed = remaining.some((assignment) => assignment.status === 'Closed');
  for (const rule of rules) {
    if (holds(rule, 'close')) return { action: 'close-all', rule: rule.name };
    if (decision.kind !== 'assign' && someClosed) return { action: 'reopen-closed' };
  }
  return null;
}
