import {
  MAX_CONDITION_DEPTH,
  type Condition,
  type ConditionNode,
  type ConditionOptions,
} from './condition.ast.js';
import { ConditionSyntaxError } from './condition-syntax-error.js';
import { leafNode } from './json-condition-leaf.js';

/**
 * Parses the JSON form of a condition, as Helpdesk's condition editor stores it in
 * `assign_condition_json`: `[["status","==","Open"],"and",["agent_group","==","Billing"]]`.
 * A list holds conditions `[field, operator, value]` or nested lists, joined by "and"/"or"; a
 * single `[field, operator, value]` is accepted too. "and" binds tighter than "or", as in the
 * Python the editor writes from it. Empty text or `[]` is no condition (`null`). With
 * `options.document` fields are read as the editor's `doc.<field>` is (a missing one is None).
 */
export function parseConditionJson(
  source: string,
  options: ConditionOptions = {},
): Condition | null {
  if (source.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    throw new ConditionSyntaxError('the condition is not valid JSON');
  }
  if (Array.isArray(parsed) && parsed.length === 0) return null;
  const inDocument = options.document !== undefined;
  return { form: 'json', source, root: conditionNode(parsed, 1, inDocument) };
}

function conditionNode(value: unknown, depth: number, inDocument: boolean): ConditionNode {
  if (depth > MAX_CONDITION_DEPTH)
    throw new ConditionSyntaxError('the condition is nested too deeply');
  if (!Array.isArray(value)) throw new ConditionSyntaxError('a condition must be a list');
  if (isLeaf(value)) return leafNode(value, inDocument);
  return groupNode(value, depth, inDocument);
}

function isLeaf(list: readonly unknown[]): list is [string, string, unknown] {
  return list.length === 3 && typeof list[0] === 'string' && typeof list[1] === 'string';
}

/** `[a, "and", b, "or", c]`: conditions at even places, conjunctions between them. */
function groupNode(items: readonly unknown[], depth: number, inDocument: boolean): ConditionNode {
  if (items.length % 2 === 0) {
    throw new ConditionSyntaxError('conditions must be joined by "and" or "or"');
  }
  const alternatives: ConditionNode[][] = [[]];
  items.forEach((item, index) => {
    if (index % 2 === 0) {
      (alternatives.at(-1) as ConditionNode[]).push(conditionNode(item, depth + 1, inDocument));
      return;
    }
    const conjunction = typeof item === 'string' ? item.trim().toLowerCase() : null;
    if (conjunction === 'or') alternatives.push([]);
    else if (conjunction !== 'and') {
      throw new ConditionSyntaxError(`expected "and" or "or" but found ${JSON.stringify(item)}`);
    }
  });
  return joined(
    'or',
    alternatives.map((all) => joined('and', all)),
  );
}

function joined(kind: 'and' | 'or', operands: ConditionNode[]): ConditionNode {
  return operands.length === 1 ? (operands[0] as ConditionNode) : { kind, operands };
}
