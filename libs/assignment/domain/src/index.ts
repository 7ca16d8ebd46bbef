/**
 * Automatic ticket assignment, as pure functions. So far: assignment conditions, parsed and
 * evaluated, never `eval`ed.
 */

/** Conditions: `status == 'Open' and agent_group == 'Billing'` or its JSON list form. */
export type { Condition, ConditionNode, ConditionValue } from './conditions/condition.ast.js';
export { ConditionSyntaxError } from './conditions/condition-syntax-error.js';
export { parseConditionExpression } from './conditions/expression-parser.js';
export { parseConditionJson } from './conditions/json-condition.js';
export * from './conditions/evaluate-condition.js';
