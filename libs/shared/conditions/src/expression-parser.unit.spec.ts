import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertConditionRefused } from './testing/condition.assertions.js';
import type { ComparisonOperator, ConditionNode } from './condition.ast.js';
import { parseConditionExpression } from './expression-parser.js';

const parsed = (source: string): ConditionNode => parseConditionExpression(source).root;
const field = (name: string): ConditionNode => ({ kind: 'field', name });
const literal = (value: string | number | boolean | null): ConditionNode => ({
  kind: 'literal',
  value,
});
const list = (...items: ConditionNode[]): ConditionNode => ({ kind: 'list', items });
const compare = (
  first: ConditionNode,
  operator: ComparisonOperator,
  operand: ConditionNode,
): ConditionNode => ({ kind: 'compare', first, rest: [{ operator, operand }] });

const assertRefused = (source: string, reason?: RegExp) =>
  assertConditionRefused(parseConditionExpression, source, reason);

describe('parseConditionExpression', () => {
  it('reads the team rule conditions Helpdesk writes', () => {
    assert.deepEqual(parsed("status == 'Open' and agent_group == 'Billing'"), {
      kind: 'and',
      operands: [
        compare(field('status'), '==', literal('Open')),
        compare(field('agent_group'), '==', literal('Billing')),
      ],
    });
    assert.deepEqual(
      parsed("agent_group != 'Billing'"),
      compare(field('agent_group'), '!=', literal('Billing')),
    );
  });

  it('binds not tighter than and, and and tighter than or, as Python does', () => {
    assert.deepEqual(parsed('a or not b and c'), {
      kind: 'or',
      operands: [
        field('a'),
        { kind: 'and', operands: [{ kind: 'not', operand: field('b') }, field('c')] },
      ],
    });
    assert.deepEqual(parsed('(a or b) and c'), {
      kind: 'and',
      operands: [{ kind: 'or', operands: [field('a'), field('b')] }, field('c')],
    });
  });

  it('reads membership in lists and tuples, and the two-word operators', () => {
    const statuses = list(literal('Open'), literal('Replied'));
    assert.deepEqual(
      parsed("status in ('Open', 'Replied')"),
      compare(field('status'), 'in', statuses),
    );
    assert.deepEqual(
      parsed('status not in ["Open", "Replied",]'),
      compare(field('status'), 'not in', statuses),
    );
    assert.deepEqual(
      parsed('customer is not None'),
      compare(field('customer'), 'is not', literal(null)),
    );
    assert.deepEqual(parsed("x in ('a',)"), compare(field('x'), 'in', list(literal('a'))));
    assert.deepEqual(parsed('x in ()'), compare(field('x'), 'in', list()));
  });

  it('keeps comparison chains as one chain', () => {
    assert.deepEqual(parsed('1 <= priority_score < 10'), {
      kind: 'compare',
      first: literal(1),
      rest: [
        { operator: '<=', operand: field('priority_score') },
        { operator: '<', operand: literal(10) },
      ],
    });
  });

  it("reads Python's literals: numbers, signs, escapes, prefixes and adjacent strings", () => {
    const value = (source: string) => {
      const node = parsed(`x == ${source}`);
      return node.kind === 'compare' ? node.rest[0]?.operand : undefined;
    };
    assert.deepEqual(value('1_000'), literal(1000));
    assert.deepEqual(value('0x1F'), literal(31));
    assert.deepEqual(value('.5'), literal(0.5));
    assert.deepEqual(value('2e3'), literal(2000));
    assert.deepEqual(value('-3'), { kind: 'sign', operator: '-', operand: literal(3) });
    assert.deepEqual(value('True'), literal(true));
    assert.deepEqual(value("'it\\'s'"), literal("it's"));
    assert.deepEqual(value('"tab\\there"'), literal('tab\there'));
    assert.deepEqual(value("'\\x41\\u00e9'"), literal('Aé'));
    assert.deepEqual(value("r'\\d'"), literal('\\d'));
    assert.deepEqual(value("u'x'"), literal('x'));
    assert.deepEqual(value("'Bill' 'ing'"), literal('Billing'));
  });

  it('skips whitespace, line breaks and comments', () => {
    assert.deepEqual(
      parsed("status == 'Open'  # only open ones\n  and agent_group == 'Billing'"),
      parsed("status == 'Open' and agent_group == 'Billing'"),
    );
  });

  it('refuses calls, attributes, subscripts and dunder names: nothing can reach Python objects', () => {
    assertRefused("__import__('os').system('rm -rf /')", /'__'/);
    assertRefused('().__class__.__bases__[0].__subclasses__()', /attribute|'__'/);
    assertRefused('constructor.constructor("return process")()', /attribute/);
    assertRefused('frappe.db.sql("drop table x")', /attribute/);
    assertRefused("eval('1')", /function calls/);
    assertRefused('status[0]', /subscripts/);
    assertRefused('import os', /'import' is not supported/);
    assertRefused('lambda: 1', /unsupported character ':'/);
    assertRefused("'Open' if x else 'Closed'", /unexpected 'if'/);
    assertRefused('x := 1', /unsupported character ':'/);
    assertRefused("f'{status}'", /prefix 'f'/);
    assertRefused("b'x'", /prefix 'b'/);
  });

  it('reads names that are also object properties as plain field names', () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.deepEqual(parsed(name), field(name));
    }
  });

  it('refuses unbalanced brackets, dangling operators and unfinished strings', () => {
    assertRefused("(status == 'Open'", /expected '\)' but found the end/);
    assertRefused("status == 'Open')", /unexpected '\)'/);
    assertRefused('[1, 2', /ends too early|expected/);
    assertRefused("status == 'Open' and", /ends too early/);
    assertRefused('status ==', /ends too early/);
    assertRefused("status == 'Open", /unterminated string/);
    assertRefused("status == '''Open'''", /triple-quoted/);
    assertRefused('and status', /unexpected 'and'/);
    assertRefused('not in x', /unexpected 'in'/);
    assertRefused('status = 1', /unsupported character '='/);
    assertRefused('x == 012', /leading zeros/);
    assertRefused('x == 1j', /invalid number/);
    assertRefused("status 'Open'", /unexpected/);
  });

  it('refuses an empty condition and nesting too deep to be meant', () => {
    assertRefused('   ', /empty/);
    assertRefused(`${'('.repeat(200)}x${')'.repeat(200)}`, /nested too deeply/);
    assertRefused(`${'not '.repeat(200)}x`, /nested too deeply/);
    assertRefused(`x == ${'-'.repeat(200)}1`, /nested too deeply/);
  });
});
