/**
 * Safe conditions over a document's fields: the Python-expression form
 * (`status == 'Open' and agent_group == 'Billing'`, or `doc.priority in ['High']` with a document
 * name) and the JSON list form of Helpdesk's condition editor, parsed to one tree and evaluated
 * with Python's semantics. Nothing is ever `eval`ed.
 */
export type {
  ComparisonOperator,
  Condition,
  ConditionNode,
  ConditionOptions,
  ConditionValue,
} from './condition.ast.js';
export { MAX_CONDITION_DEPTH } from './condition.ast.js';
export { ConditionSyntaxError } from './condition-syntax-error.js';
export { parseConditionExpression } from './expression-parser.js';
export { parseConditionJson } from './json-condition.js';
export * from './evaluate-condition.js';
export { ownField } from './own-field.js';
