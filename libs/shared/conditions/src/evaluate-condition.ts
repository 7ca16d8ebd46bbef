import type { Condition, ConditionNode, ConditionValue } from './condition.ast.js';
import { ownField } from './own-field.js';
import { ConditionEvaluationError, compareValues, truthy, typeName } from './python-values.js';

/** A ticket's fields by Frappe name (`status`, `agent_group`, …), as the condition sees them. */
export type TicketFields = Readonly<Record<string, unknown>>;

export type ConditionOutcome = { matched: boolean; error: string | null };

/**
 * Whether the ticket matches. No condition never matches. A condition Python would raise on
 * (an unknown field, `'a' < 1`, `x in None`) does not match either; its `error` says why, for
 * the log, as Frappe shows "Auto assignment failed" and carries on.
 */
export function evaluateCondition(
  condition: Condition | null,
  fields: TicketFields,
): ConditionOutcome {
  if (!condition) return { matched: false, error: null };
  try {
    return { matched: truthy(evaluate(condition.root, fields)), error: null };
  } catch (error) {
    if (!(error instanceof ConditionEvaluationError)) throw error;
    return { matched: false, error: error.message };
  }
}

function evaluate(node: ConditionNode, fields: TicketFields): ConditionValue {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'field':
      return fieldValue(fields, node.name);
    case 'document-field':
      return documentFieldValue(fields, node.name);
    case 'list':
      return node.items.map((item) => evaluate(item, fields));
    case 'sign':
      return signed(node.operator, evaluate(node.operand, fields));
    case 'not':
      return !truthy(evaluate(node.operand, fields));
    case 'and':
    case 'or':
      return shortCircuit(node.kind, node.operands, fields);
    case 'compare':
      return chain(node, fields);
  }
}

/** Python's `and`/`or` yield the deciding operand, not a boolean, and skip the rest. */
function shortCircuit(
  kind: 'and' | 'or',
  operands: readonly ConditionNode[],
  fields: TicketFields,
): ConditionValue {
  let value: ConditionValue = null;
  for (const operand of operands) {
    value = evaluate(operand, fields);
    if (truthy(value) === (kind === 'or')) return value;
  }
  return value;
}

function chain(node: Extract<ConditionNode, { kind: 'compare' }>, fields: TicketFields): boolean {
  let left = evaluate(node.first, fields);
  for (const { operator, operand } of node.rest) {
    const right = evaluate(operand, fields);
    if (!compareValues(operator, left, right)) return false;
    left = right;
  }
  return true;
}

function signed(operator: '-' | '+', value: ConditionValue): number {
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ConditionEvaluationError(
      `bad operand type for unary ${operator}: '${typeName(value)}'`,
    );
  }
  return operator === '-' ? -Number(value) : Number(value);
}

/** Only the record's own properties are fields: `constructor` or `__proto__` reach nothing. */
function fieldValue(fields: TicketFields, name: string): ConditionValue {
  const { found, value } = ownField(fields, name);
  if (!found) throw new ConditionEvaluationError(`name '${name}' is not defined`);
  return plainValue(value, name);
}

/** `doc.<name>` reads like Frappe's `_dict`: a field the record lacks is None. */
function documentFieldValue(fields: TicketFields, name: string): ConditionValue {
  const { found, value } = ownField(fields, name);
  return found ? plainValue(value, name) : null;
}

function plainValue(value: unknown, name: string): ConditionValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map((item) => plainValue(item, name));
  throw new ConditionEvaluationError(`field '${name}' holds a value conditions cannot compare`);
}
