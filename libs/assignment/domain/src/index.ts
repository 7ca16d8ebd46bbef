/**
 * Automatic ticket assignment, as pure functions: Assignment Rules (decide/evolve) and their
 * conditions, parsed and evaluated, never `eval`ed.
 */

/** Assignment Rule: the document, its commands and events, `decideAssignmentRule`, `evolveAssignmentRule`. */
export * from './rule/assignment-rule.document.js';
export * from './rule/assignment-rule.commands.js';
export * from './rule/assignment-rule.events.js';
export * from './rule/assignment-rule.state.js';
export * from './rule/assignment-rule.decide.js';
export * from './rule/assignment-rule-violation.js';
export { RULE_DEFAULTS } from './rule/rule-values.js';

/** The rules Helpdesk creates: one per team ("<team> - Support Rotation") and "Support Rotation". */
export * from './rule/team-rules.js';

/** Conditions: `status == 'Open' and agent_group == 'Billing'` or its JSON list form. */
export type { Condition, ConditionNode, ConditionValue } from './conditions/condition.ast.js';
export { ConditionSyntaxError } from './conditions/condition-syntax-error.js';
export { parseConditionExpression } from './conditions/expression-parser.js';
export { parseConditionJson } from './conditions/json-condition.js';
export * from './conditions/evaluate-condition.js';
export * from './rule/rule-conditions.js';

/** `assignment_days` and today's weekday in the site's zone: `weekdayIn`. */
export * from './weekdays.js';
