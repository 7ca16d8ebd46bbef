import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticket } from './testing/ticket-fields.fixtures.js';
import { evaluateCondition, type TicketFields } from './evaluate-condition.js';
import { parseConditionExpression } from './expression-parser.js';

const TEAM_CONDITION = "status == 'Open' and agent_group == 'Billing'";

function outcome(source: string, fields: TicketFields = ticket()) {
  return evaluateCondition(parseConditionExpression(source), fields);
}
const matches = (source: string, fields?: TicketFields) => outcome(source, fields).matched;

describe('evaluateCondition', () => {
  it("matches the team rule only for status literally 'Open' in the team", () => {
    assert.equal(matches(TEAM_CONDITION, ticket({ agent_group: 'Billing' })), true);
    assert.equal(matches(TEAM_CONDITION, ticket({ agent_group: 'Product Experts' })), false);
    assert.equal(matches(TEAM_CONDITION, ticket({ agent_group: null })), false);
  });

  it('does not match a custom Open-category status with another name', () => {
    const reopened = ticket({
      agent_group: 'Billing',
      status: 'Reopened',
      status_category: 'Open',
    });
    assert.equal(matches(TEAM_CONDITION, reopened), false);
  });

  it('never matches without a condition', () => {
    assert.deepEqual(evaluateCondition(null, ticket()), { matched: false, error: null });
  });

  it('compares as Python does: exact strings, numbers across int and bool, None', () => {
    assert.equal(matches("status == 'open'"), false);
    assert.equal(matches("priority == 'Medium'"), true);
    assert.equal(matches('via_customer_portal == False', ticket({ via_customer_portal: 0 })), true);
    assert.equal(matches('via_customer_portal == 1', ticket({ via_customer_portal: true })), true);
    assert.equal(matches("via_customer_portal == '1'", ticket({ via_customer_portal: 1 })), false);
    assert.equal(matches('customer == None'), true);
    assert.equal(matches('customer is None and agent_group is not None'), false);
    assert.equal(matches('score >= 2.5', ticket({ score: 3 })), true);
    assert.equal(matches("'a' < subject", ticket({ subject: 'b' })), true);
  });

  it('treats membership in a string as substring and in a list as equality', () => {
    assert.equal(matches("'fire' in subject"), true);
    assert.equal(matches("'Fire' in subject"), false);
    assert.equal(matches("status in ('Open', 'Replied')"), true);
    assert.equal(matches("status not in ['Open']"), false);
    assert.equal(matches('1 in [True]'), true);
  });

  it('uses truthiness: empty strings, zero and None are false', () => {
    assert.equal(matches('customer'), false);
    assert.equal(matches('not customer'), true);
    assert.equal(matches('subject and not via_customer_portal'), true);
    assert.equal(matches("agent_group or 'fallback'"), true);
    assert.equal(matches("''"), false);
    assert.equal(matches('[]'), false);
  });

  it('chains comparisons', () => {
    assert.equal(matches('1 < score <= 3', ticket({ score: 3 })), true);
    assert.equal(matches('1 < score <= 3', ticket({ score: 4 })), false);
  });

  it('counts what Python would raise on as not matching, and says why', () => {
    assert.deepEqual(outcome("team == 'Billing'"), {
      matched: false,
      error: "name 'team' is not defined",
    });
    assert.deepEqual(outcome('customer > 1'), {
      matched: false,
      error: "'>' not supported between instances of 'NoneType' and 'int'",
    });
    assert.deepEqual(outcome("'x' in customer"), {
      matched: false,
      error: "argument of type 'NoneType' is not iterable",
    });
    assert.equal(
      outcome('1 in subject').error,
      "'in <string>' requires string as left operand, not int",
    );
    assert.equal(outcome('-subject').error, "bad operand type for unary -: 'str'");
  });

  it('stops at the deciding operand, so a later error does not count', () => {
    assert.deepEqual(outcome("status == 'Open' or unknown_field == 1"), {
      matched: true,
      error: null,
    });
    assert.deepEqual(outcome("status == 'Closed' and unknown_field == 1"), {
      matched: false,
      error: null,
    });
  });

  it('reads only own fields of the record, never its prototype', () => {
    assert.equal(outcome('constructor').error, "name 'constructor' is not defined");
    assert.equal(outcome('toString').error, "name 'toString' is not defined");
    assert.equal(outcome('hasOwnProperty').error, "name 'hasOwnProperty' is not defined");
    const polluted = JSON.parse('{"status": "Open", "constructor": "Open"}') as TicketFields;
    assert.equal(matches("constructor == 'Open'", polluted), true);
  });

  it('does not run getters and refuses values that are not plain', () => {
    let read = false;
    const fields = Object.defineProperty({ ...ticket() }, 'status', {
      get: () => {
        read = true;
        return 'Open';
      },
      enumerable: true,
    });
    assert.equal(matches("status == 'Open'", fields), false);
    assert.equal(read, false);
    assert.equal(
      outcome('opening', ticket({ opening: new Date() })).error,
      "field 'opening' holds a value conditions cannot compare",
    );
    assert.equal(
      matches("'b@x.com' in _assign", ticket({ _assign: ['a@x.com', 'b@x.com'] })),
      true,
    );
  });
});
