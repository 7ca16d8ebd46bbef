import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ConditionNode } from './condition.ast.js';
import { evaluateCondition, type TicketFields } from './evaluate-condition.js';
import { parseConditionExpression } from './expression-parser.js';
import { parseConditionJson } from './json-condition.js';
import { assertConditionRefused } from './testing/condition.assertions.js';
import { ticket } from './testing/ticket-fields.fixtures.js';

/** SLA conditions name the ticket `doc`, as Frappe evaluates them with `{"doc": ticket}`. */
const IN_DOC = { document: 'doc' };

const parsed = (source: string): ConditionNode => parseConditionExpression(source, IN_DOC).root;
const docField = (name: string): ConditionNode => ({ kind: 'document-field', name });
const outcome = (source: string, fields: TicketFields = ticket()) =>
  evaluateCondition(parseConditionExpression(source, IN_DOC), fields);
const matches = (source: string, fields?: TicketFields) => outcome(source, fields).matched;
const jsonMatches = (json: unknown, fields: TicketFields = ticket()) =>
  evaluateCondition(parseConditionJson(JSON.stringify(json), IN_DOC), fields);
const assertRefused = (source: string, reason: RegExp) =>
  assertConditionRefused((text) => parseConditionExpression(text, IN_DOC), source, reason);

describe('conditions on a named document (doc.<field>)', () => {
  it('reads doc.<field> as the ticket field, in the form Helpdesk’s SLA editor writes', () => {
    assert.deepEqual(parsed("doc.priority in ['High','Urgent']"), {
      kind: 'compare',
      first: docField('priority'),
      rest: [
        {
          operator: 'in',
          operand: {
            kind: 'list',
            items: [
              { kind: 'literal', value: 'High' },
              { kind: 'literal', value: 'Urgent' },
            ],
          },
        },
      ],
    });
    assert.deepEqual(parsed('doc . ticket_type'), docField('ticket_type'));
  });

  it('given a High ticket, when the SLA condition is tested, then it matches only its priorities', () => {
    const condition = "doc.priority in ['High','Urgent']";
    assert.equal(matches(condition, ticket({ priority: 'High' })), true);
    assert.equal(matches(condition, ticket({ priority: 'Low' })), false);
    assert.equal(
      matches(
        '(doc.ticket_type and doc.ticket_type in ["Bug", "Incident"]) and not doc.customer',
        ticket({ ticket_type: 'Bug' }),
      ),
      true,
    );
  });

  it('reads a field the ticket lacks as None, as Frappe’s _dict does, and never the prototype', () => {
    assert.deepEqual(outcome('doc.no_such_field == None'), { matched: true, error: null });
    assert.deepEqual(outcome('doc.constructor'), { matched: false, error: null });
    assert.deepEqual(outcome("doc.toString == 'x'"), { matched: false, error: null });
    assert.equal(
      outcome('doc.opening', ticket({ opening: new Date() })).error,
      "field 'opening' holds a value conditions cannot compare",
    );
  });

  it('refuses bare names, the bare document and anything but a field after doc.', () => {
    assertRefused("priority == 'High'", /^name 'priority' is not defined at position 0$/);
    assertRefused('doc', /'doc' is read only as doc\.<field>/);
    assertRefused('doc == None', /'doc' is read only as doc\.<field>/);
    assertRefused('doc.priority.lower()', /attribute access is not supported/);
    assertRefused("doc.get('priority')", /function calls are not supported/);
    assertRefused('doc.priority[0]', /subscripts are not supported/);
    assertRefused('doc.__class__', /'__'/);
    assertRefused('doc.if', /expected a field name but found 'if'/);
    assertRefused('doc.', /expected a field name but found the end/);
    assertRefused('frappe.utils.now()', /name 'frappe' is not defined|attribute/);
  });

  it('keeps refusing doc.<field> when no document is named (Assignment Rule conditions)', () => {
    assertConditionRefused(parseConditionExpression, "doc.priority == 'High'", /attribute access/);
  });
});

describe('JSON conditions on a named document', () => {
  const BUG_OR_INCIDENT = [
    ['priority', '==', 'High'],
    'and',
    ['ticket_type', 'in', 'Bug,Incident'],
  ];

  it('reads the SLA editor’s JSON as the doc.<field> condition it converts to', () => {
    assert.deepEqual(
      parseConditionJson('[["priority","equals","High"]]', IN_DOC)?.root,
      parsed("doc.priority == 'High'"),
    );
    assert.equal(
      jsonMatches(BUG_OR_INCIDENT, ticket({ priority: 'High', ticket_type: 'Bug' })).matched,
      true,
    );
    assert.equal(
      jsonMatches(BUG_OR_INCIDENT, ticket({ priority: 'High', ticket_type: 'Question' })).matched,
      false,
    );
  });

  it('reads a field the ticket lacks as None instead of failing', () => {
    assert.deepEqual(jsonMatches([['no_such_field', 'is', 'not set']]), {
      matched: true,
      error: null,
    });
    assert.deepEqual(jsonMatches([['no_such_field', 'in', ['a']]]), {
      matched: false,
      error: null,
    });
  });

  it('accepts every operator of the editor: equals, not equals, in, not in, like, is set, yes/no, between', () => {
    const bug = ticket({
      ticket_type: 'Bug',
      subject: 'Login fails',
      via_customer_portal: 1,
      opening_date: '2026-11-23',
      score: 4,
    });
    const holds = (leaf: [string, string, unknown]) => jsonMatches([leaf], bug).matched;
    assert.equal(holds(['ticket_type', 'equals', 'Bug']), true);
    assert.equal(holds(['ticket_type', 'not equals', 'Bug']), false);
    assert.equal(holds(['ticket_type', '!=', 'Incident']), true);
    assert.equal(holds(['ticket_type', 'in', ['Bug', 'Incident']]), true);
    assert.equal(holds(['ticket_type', 'not in', 'Question, Incident']), true);
    assert.equal(holds(['subject', 'like', 'Login']), true);
    assert.equal(holds(['agent_group', 'is set', null]), false);
    assert.equal(holds(['agent_group', 'is not set', '']), true);
    assert.equal(holds(['subject', 'IS  SET', null]), true);
    assert.equal(holds(['via_customer_portal', '==', 'Yes']), true);
    assert.equal(holds(['via_customer_portal', '!=', 'No']), true);
    assert.equal(holds(['opening_date', 'between', '2026-01-01, 2026-12-31']), true);
    assert.equal(holds(['score', 'between', [5, 9]]), false);
  });
});
