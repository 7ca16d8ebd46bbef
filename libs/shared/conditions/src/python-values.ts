import type { ComparisonOperator, ConditionValue } from './condition.ast.js';

/** Python raised: the condition cannot be evaluated and counts as false. */
export class ConditionEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConditionEvaluationError';
  }
}

/** Python's `bool(value)`. */
export function truthy(value: ConditionValue): boolean {
  if (value === null) return false;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  return Number(value) !== 0;
}

/** Python's comparison operators, with Python's errors for values that do not compare. */
export function compareValues(
  operator: ComparisonOperator,
  left: ConditionValue,
  right: ConditionValue,
): boolean {
  switch (operator) {
    case '==':
      return equal(left, right);
    case '!=':
      return !equal(left, right);
    case 'in':
      return contains(right, left);
    case 'not in':
      return !contains(right, left);
    case 'is':
      return identical(left, right);
    case 'is not':
      return !identical(left, right);
    default:
      return ordered(operator, left, right);
  }
}

export function typeName(value: ConditionValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return typeof value === 'string' ? 'str' : 'list';
}

function isNumeric(value: ConditionValue): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

function equal(left: ConditionValue, right: ConditionValue): boolean {
  if (isNumeric(left) && isNumeric(right)) return Number(left) === Number(right);
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, i) => equal(item, right[i] ?? null));
  }
  return left === right;
}

/** `None`, `True` and `False` are singletons; equal strings and numbers count as the same object. */
function identical(left: ConditionValue, right: ConditionValue): boolean {
  return left === right && typeof left === typeof right;
}

function contains(container: ConditionValue, item: ConditionValue): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      throw new ConditionEvaluationError(
        `'in <string>' requires string as left operand, not ${typeName(item)}`,
      );
    }
    return container.includes(item);
  }
  if (Array.isArray(container)) return container.some((element) => equal(element, item));
  throw new ConditionEvaluationError(`argument of type '${typeName(container)}' is not iterable`);
}

function ordered(
  operator: '<' | '>' | '<=' | '>=',
  left: ConditionValue,
  right: ConditionValue,
): boolean {
  if (isNumeric(left) && isNumeric(right)) return holds(operator, Number(left), Number(right));
  if (typeof left === 'string' && typeof right === 'string') {
    return holds(operator, compareCodePoints(left, right), 0);
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    const differs = left.findIndex(
      (item, i) => i >= right.length || !equal(item, right[i] ?? null),
    );
    if (differs !== -1 && differs < right.length) {
      return ordered(operator, left[differs] ?? null, right[differs] ?? null);
    }
    return holds(operator, left.length, right.length);
  }
  throw new ConditionEvaluationError(
    `'${operator}' not supported between instances of '${typeName(left)}' and '${typeName(right)}'`,
  );
}

function holds(operator: '<' | '>' | '<=' | '>=', left: number, right: number): boolean {
  if (operator === '<') return left < right;
  if (operator === '>') return left > right;
  return operator === '<=' ? left <= right : left >= right;
}

/** Python orders strings by code point; JavaScript's `<` by UTF-16 unit, which differs above U+FFFF. */
function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left, (char) => char.codePointAt(0) as number);
  const b = Array.from(right, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return a.length - b.length;
}
