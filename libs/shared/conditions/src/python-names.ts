import type { ConditionNode } from './condition.ast.js';

/** A Map, not an object: a name like `constructor` must not find anything inherited. */
export const CONSTANTS = new Map<string, ConditionNode>([
  ['None', { kind: 'literal', value: null }],
  ['True', { kind: 'literal', value: true }],
  ['False', { kind: 'literal', value: false }],
]);

export const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'in', 'is']);

/** Python keywords that cannot name a field; each would start syntax we do not accept. */
export const OTHER_KEYWORDS = new Set(
  (
    'as assert async await break class continue def del elif else except finally for from global ' +
    'if import lambda nonlocal pass raise return try while with yield'
  ).split(' '),
);

/** Whether Python reserves the name, so it cannot be a field or an attribute. */
export function isPythonKeyword(name: string): boolean {
  return CONSTANTS.has(name) || OPERATOR_WORDS.has(name) || OTHER_KEYWORDS.has(name);
}
