import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertConditionRefused } from './testing/condition.assertions.js';
import { ticket } from './testing/ticket-fields.fixtures.js';
import { evaluateCondition, type TicketFields } from './evaluate-condition.js';
import { parseConditionExpression } from './expression-parser.js';
import { parseConditionJson } from './json-condition.js';

const TEAM_JSON = '[["status","==","Open"],"and",["agent_group","==","Billing"]]';

const matches = (json: unknown, fields: TicketFields = ticket()) =>
  evaluateCondition(parseConditionJson(JSON.stringify(json)), fields).matched;

const assertRefused = (source: string, reason?: RegExp) =>
  assertConditionRefused(parseConditionJson, source, reason);

describe('parseConditionJson', () => {
  it('reads the team rule form into the same condition as its Python form', () => {
    const json = parseConditionJson(TEAM_JSON);
    const python = parseConditionExpression("status == 'Open' and agent_group == 'Billing'");
    assert.deepEqual(json?.root, python.root);
    assert.equal(json?.form, 'json');
  });

  it('treats empty text and an empty list as no condition', () => {
    assert.equal(parseConditionJson(''), null);
    assert.equal(parseConditionJson('[]'), null);
  });

  it('accepts a single condition without the outer list', () => {
    assert.equal(matches(['agent_group', '!=', 'Billing'], ticket({ agent_group: 'Sales' })), true);
  });

  it('binds "and" tighter than "or", and reads nested groups and any letter case', () => {
    const sales = ticket({ agent_group: 'Sales', status: 'Closed' });
    const mixed = [
      ['status', '==', 'Open'],
      'and',
      ['priority', '==', 'Low'],
      'OR',
      ['agent_group', '==', 'Sales'],
    ];
    assert.equal(matches(mixed, sales), true);
    const grouped = [
      [['status', '==', 'Open'], 'or', ['status', '==', 'Replied']],
      'And',
      ['agent_group', '==', 'Sales'],
    ];
    assert.equal(matches(grouped, sales), false);
    assert.equal(matches(grouped, ticket({ agent_group: 'Sales', status: 'Replied' })), true);
  });

  it('gives the operators the meaning Helpdesk’s editor gives them', () => {
    const billing = ticket({ agent_group: 'Billing', subject: 'Invoice 7 wrong', score: 4 });
    assert.equal(matches([['subject', 'like', 'Invoice']], billing), true);
    assert.equal(matches([['subject', 'not like', 'Invoice']], billing), false);
    assert.equal(matches([['customer', 'not like', 'x']], billing), false, 'needs the field set');
    assert.equal(matches([['agent_group', 'in', 'Billing, Sales']], billing), true);
    assert.equal(matches([['agent_group', 'in', ['Sales']]], billing), false);
    assert.equal(
      matches([['customer', 'not in', ['Acme']]], billing),
      false,
      'needs the field set',
    );
    assert.equal(matches([['customer', 'is', 'not set']], billing), true);
    assert.equal(matches([['agent_group', 'IS', 'set']], billing), true);
    assert.equal(matches([['score', 'between', [3, 5]]], billing), true);
    assert.equal(matches([['subject', 'between', 'A,J']], billing), true);
    assert.equal(matches([['score', '>=', 5]], billing), false);
    assert.equal(matches([['agent_group', '=', 'Billing']], billing), true);
  });

  it('reads "Yes"/"No" and a null value as a test of whether the field is set', () => {
    const portal = ticket({ via_customer_portal: 1 });
    assert.equal(matches([['via_customer_portal', '==', 'Yes']], portal), true);
    assert.equal(matches([['via_customer_portal', '==', 'No']], portal), false);
    assert.equal(matches([['via_customer_portal', '!=', 'yes']], portal), false);
    assert.equal(matches([['customer', '==', null]], portal), true);
    assert.equal(matches([['customer', '!=', null]], portal), false);
  });

  it('refuses what is not a condition, with no way to name a prototype field', () => {
    assertRefused('[["status","==","Open"', /not valid JSON/);
    assertRefused('{"status": "Open"}', /must be a list/);
    assertRefused('[["status","==","Open"],["agent_group","==","B"]]', /joined by "and" or "or"/);
    assertRefused(
      '[["status","==","Open"],"xor",["agent_group","==","B"]]',
      /expected "and" or "or"/,
    );
    assertRefused('[["status","==","Open"],"and"]', /joined/);
    assertRefused('[["status","timespan","last week"]]', /operator "timespan" is not supported/);
    assertRefused('[["status","is","Open"]]', /"set" or "not set"/);
    assertRefused('[["__proto__","==","x"]]', /not a field name/);
    assertRefused('[["status.constructor","==","x"]]', /not a field name/);
    assertRefused('[["status","==",{"$gt":1}]]', /not a plain value/);
    assertRefused('[["score","between","5"]]', /two values/);
    assertRefused(`${'['.repeat(100)}["status","==","Open"]${']'.repeat(100)}`, /too deeply/);
  });

  it('treats a field named like an object property as an unknown field', () => {
    const outcome = evaluateCondition(
      parseConditionJson('[["constructor","==","Object"]]'),
      ticket(),
    );
    assert.deepEqual(outcome, { matched: false, error: "name 'constructor' is not defined" });
  });
});
