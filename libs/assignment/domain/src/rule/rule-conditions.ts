import {
  ConditionSyntaxError,
  evaluateCondition,
  parseConditionExpression,
  parseConditionJson,
  type Condition,
  type ConditionOutcome,
  type TicketFields,
} from '@helpdesk/shared-conditions';
import type { AssignmentRuleDocument } from './assignment-rule.document.js';
import { AssignmentRuleViolation } from './assignment-rule-violation.js';

/** The three moments a rule tests the ticket. */
export type ConditionSlot = 'assign' | 'unassign' | 'close';

type RuleConditionFields = Pick<
  AssignmentRuleDocument,
  | 'assign_condition'
  | 'unassign_condition'
  | 'close_condition'
  | 'assign_condition_json'
  | 'unassign_condition_json'
>;

const LABELS: Record<ConditionSlot, string> = {
  assign: 'Assign Condition',
  unassign: 'Unassign Condition',
  close: 'Close Condition',
};
const JSON_HINT =
  "Condition format should be like this e.g [['status','==','open']], it's recommended to use portal view to create conditions.";

/**
 * The condition a rule tests for a slot. The Python form wins, as Frappe evaluates that one and
 * Helpdesk's editor writes both; the JSON form serves when it is the only one. `null`: none.
 * Throws `ConditionSyntaxError` for text outside the grammar.
 */
export function ruleCondition(rule: RuleConditionFields, slot: ConditionSlot): Condition | null {
  const expression = expressionOf(rule, slot);
  if (expression !== null && expression.trim() !== '') return parseConditionExpression(expression);
  const json = jsonOf(rule, slot);
  return json === null ? null : parseConditionJson(json);
}

export function hasRuleCondition(rule: RuleConditionFields, slot: ConditionSlot): boolean {
  return [expressionOf(rule, slot), jsonOf(rule, slot)].some(
    (text) => text !== null && text.trim() !== '',
  );
}

/** A stored condition that no longer parses cannot match; the outcome says why. */
export function evaluateRuleCondition(
  rule: RuleConditionFields,
  slot: ConditionSlot,
  fields: TicketFields,
): ConditionOutcome {
  try {
    return evaluateCondition(ruleCondition(rule, slot), fields);
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    return { matched: false, error: error.message };
  }
}

/**
 * Refuses conditions outside the grammar when a rule is saved, with Frappe's message for the
 * JSON forms (Helpdesk's `on_assignment_rule_validate`) and a like one for the Python forms.
 */
export function checkRuleConditions(rule: RuleConditionFields): void {
  for (const slot of ['assign', 'unassign', 'close'] as const) {
    const expression = expressionOf(rule, slot);
    if (expression !== null) {
      attempt(
        () => parseConditionExpression(expression),
        (reason) => `The ${LABELS[slot]} '${expression}' is invalid: ${reason}`,
        `${slot}_condition`,
      );
    }
    const json = jsonOf(rule, slot);
    if (json !== null) {
      attempt(
        () => parseConditionJson(json),
        () => `The ${LABELS[slot]} JSON '${json}' is invalid: </br> ${JSON_HINT}`,
        `${slot}_condition_json`,
      );
    }
  }
}

function expressionOf(rule: RuleConditionFields, slot: ConditionSlot): string | null {
  return rule[`${slot}_condition` as const];
}

/** Close conditions have no JSON form. */
function jsonOf(rule: RuleConditionFields, slot: ConditionSlot): string | null {
  return slot === 'close' ? null : rule[`${slot}_condition_json` as const];
}

function attempt(parse: () => unknown, message: (reason: string) => string, field: string): void {
  try {
    parse();
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    throw new AssignmentRuleViolation('invalid', message(error.message), [field]);
  }
}
