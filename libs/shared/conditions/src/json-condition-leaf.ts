import type { ComparisonOperator, ConditionNode, ConditionValue } from './condition.ast.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ALIASES = new Map([
  ['=', '=='],
  ['equals', '=='],
  ['not equals', '!='],
]);
/** Frappe's filter rows also spell "is" + "set" as one operator, with no value. */
const SET_TESTS = new Map([
  ['is set', 'set'],
  ['is not set', 'not set'],
]);

/**
 * One `[field, operator, value]`, with the meaning Helpdesk's editor gives it when it writes the
 * Python form: "Yes"/"No" test a checkbox, `like` is "contains", `in`/`not in`/`like`/`not like`
 * need the field to be set, `is` takes "set" or "not set" (or the operator is "is set" / "is not
 * set"), `between` takes "from,to". `inDocument`: the field is read as `doc.<field>`.
 */
export function leafNode(
  [field, rawOperator, value]: [string, string, unknown],
  inDocument = false,
): ConditionNode {
  const name = fieldName(field);
  const lowered = rawOperator.trim().replace(/\s+/g, ' ').toLowerCase();
  const operator = ALIASES.get(lowered) ?? lowered;
  const fieldNode: ConditionNode = { kind: inDocument ? 'document-field' : 'field', name };
  const setTest = SET_TESTS.get(operator);
  if (setTest !== undefined) return isSet(fieldNode, setTest);
  switch (operator) {
    case '==':
    case '!=':
      return equality(fieldNode, operator === '!=', value);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(fieldNode, operator, literal(value));
    case 'in':
    case 'not in':
      return whenSet(fieldNode, compare(fieldNode, operator, listOf(value)));
    case 'like':
    case 'not like': {
      const membership = operator === 'like' ? 'in' : 'not in';
      return whenSet(fieldNode, compare(literal(String(value)), membership, fieldNode));
    }
    case 'is':
      return isSet(fieldNode, value);
    case 'between':
      return between(fieldNode, value);
    default:
      throw new ConditionSyntaxError(`operator ${JSON.stringify(rawOperator)} is not supported`);
  }
}

function fieldName(field: string): string {
  if (!FIELD_NAME.test(field) || field.includes('__')) {
    throw new ConditionSyntaxError(`${JSON.stringify(field)} is not a field name`);
  }
  return field;
}

function equality(field: ConditionNode, negated: boolean, value: unknown): ConditionNode {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (word === 'yes' || word === 'no' || value === null || value === undefined) {
    const wantsSet = (word === 'yes') !== negated;
    return wantsSet ? field : { kind: 'not', operand: field };
  }
  return compare(field, negated ? '!=' : '==', literal(value));
}

function isSet(field: ConditionNode, value: unknown): ConditionNode {
  const word = typeof value === 'string' ? value.trim().toLowerCase() : null;
  if (word === 'set') return field;
  if (word === 'not set') return { kind: 'not', operand: field };
  throw new ConditionSyntaxError(`"is" takes "set" or "not set", not ${JSON.stringify(value)}`);
}

function between(field: ConditionNode, value: unknown): ConditionNode {
  const bounds = typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value;
  if (!Array.isArray(bounds) || bounds.length !== 2) {
    throw new ConditionSyntaxError('"between" takes two values, "from,to"');
  }
  return {
    kind: 'and',
    operands: [compare(field, '>=', literal(bounds[0])), compare(field, '<=', literal(bounds[1]))],
  };
}

/** A list, or a comma-separated string as Frappe's filters accept it. */
function listOf(value: unknown): ConditionNode {
  const items = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(',').map((item) => item.trim())
      : [value];
  return { kind: 'list', items: items.map(literal) };
}

function literal(value: unknown): ConditionNode {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
    return { kind: 'literal', value: value as ConditionValue };
  }
  throw new ConditionSyntaxError(`${JSON.stringify(value) ?? String(value)} is not a plain value`);
}

function compare(
  first: ConditionNode,
  operator: ComparisonOperator,
  operand: ConditionNode,
): ConditionNode {
  return { kind: 'compare', first, rest: [{ operator, operand }] };
}

function whenSet(field: ConditionNode, test: ConditionNode): ConditionNode {
  return { kind: 'and', operands: [field, test] };
}
