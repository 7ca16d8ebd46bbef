import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ANNA,
  BEN,
  CLEO,
  NOW,
  MANAGER,
  assertViolation,
  byManager,
  bySystem,
  created,
  given,
} from '../testing/rule.fixtures.js';
import { WEEKDAYS } from '../weekdays.js';
import type {
  AssignmentRuleContext,
  AssignmentRuleInput,
  DeleteAssignmentRule,
} from './assignment-rule.commands.js';
import { decideAssignmentRule } from './assignment-rule.decide.js';
import type { AssignmentRuleEvent } from './assignment-rule.events.js';
import { RULE_DEFAULTS } from './rule-values.js';

const NAME = 'Escalations';
const by = { name: NAME, at: NOW, by: MANAGER };
const everyDay = WEEKDAYS.map((day) => ({ day }));
const valid: AssignmentRuleInput = {
  assign_condition: "priority == 'Urgent'",
  users: [{ user: ANNA }, { user: BEN }],
  assignment_days: everyDay,
};
const stored = {
  assign_condition: "priority == 'Urgent'",
  users: [{ user: ANNA }, { user: BEN }],
  assignment_days: everyDay,
};
const existing = created(NAME, stored);

const create = (values: AssignmentRuleInput, context: AssignmentRuleContext = byManager) =>
  decideAssignmentRule(
    { type: 'CreateAssignmentRule', data: { name: NAME, values }, context },
    given([]),
  );
/** Creating with these values is refused for want of the field labelled `label`. */
const assertMissing = (values: AssignmentRuleInput, label: string) =>
  assertViolation(
    () => create(values),
    'mandatory',
    `Error: Value missing for Assignment Rule: ${label}`,
  );
const update = (changes: AssignmentRuleInput, history: AssignmentRuleEvent[] = [existing]) =>
  decideAssignmentRule(
    { type: 'UpdateAssignmentRule', data: { name: NAME, changes }, context: byManager },
    given(history),
  );

describe('CreateAssignmentRule', () => {
  it('records the rule with Frappe’s defaults for what is left out', () => {
    assert.deepEqual(create(valid), [
      {
        type: 'AssignmentRuleCreated',
        data: {
          ...by,
          values: {
            ...RULE_DEFAULTS,
            document_type: 'HD Ticket',
            description: 'Automatic Assignment',
            rule: 'Round Robin',
            priority: 0,
            disabled: 0,
            assign_condition: "priority == 'Urgent'",
            users: [{ user: ANNA }, { user: BEN }],
            assignment_days: everyDay,
          },
        },
      },
    ]);
  });

  it('refuses a missing name and a name already taken', () => {
    assertViolation(
      () =>
        decideAssignmentRule(
          { type: 'CreateAssignmentRule', data: { name: ' ', values: valid }, context: byManager },
          given([]),
        ),
      'invalid',
      'Please set the document name',
    );
    assertViolation(
      () =>
        decideAssignmentRule(
          { type: 'CreateAssignmentRule', data: { name: NAME, values: valid }, context: byManager },
          given([existing]),
        ),
      'already-exists',
      'Assignment Rule Escalations already exists',
    );
  });

  it('refuses invalid condition JSON with Frappe’s message', () => {
    assertViolation(
      () => create({ ...valid, assign_condition_json: '[["status","==",' }),
      'invalid',
      `The Assign Condition JSON '[["status","==",' is invalid: </br> Condition format should be like this e.g [['status','==','open']], it's recommended to use portal view to create conditions.`,
    );
    assertViolation(
      () => create({ ...valid, unassign_condition_json: '[["status","~","x"]]' }),
      'invalid',
      /^The Unassign Condition JSON '\[\["status","~","x"\]\]' is invalid/,
    );
  });

  it('refuses a Python condition outside the grammar, whichever slot it is in', () => {
    assertViolation(
      () => create({ ...valid, assign_condition: "__import__('os').system('id')" }),
      'invalid',
      /^The Assign Condition '__import__\('os'\)\.system\('id'\)' is invalid: names containing '__' are not allowed/,
    );
    assertViolation(
      () => create({ ...valid, unassign_condition: "(agent_group != 'Billing'" }),
      'invalid',
      /^The Unassign Condition .* is invalid: expected '\)' but found the end/,
    );
    assertViolation(
      () => create({ ...valid, close_condition: 'status.lower()' }),
      'invalid',
      /^The Close Condition 'status\.lower\(\)' is invalid: attribute access/,
    );
  });

  it('requires an assign condition, in either form', () => {
    const { assign_condition: _, ...withoutCondition } = valid;
    assertMissing(withoutCondition, 'Assign Condition');
    const [event] = create({
      ...withoutCondition,
      assign_condition_json: '[["status","==","Open"]]',
    });
    assert.equal(event?.type, 'AssignmentRuleCreated');
  });

  it('requires users for Round Robin and Load Balancing, weighted users and a field for the others', () => {
    assertMissing({ ...valid, users: [] }, 'Users');
    assertMissing({ ...valid, rule: 'Load Balancing', users: null }, 'Users');
    assertMissing({ ...valid, rule: 'Weighted Distribution' }, 'Weighted Users');
    assertMissing({ ...valid, rule: 'Based on Field' }, 'Field');
    const [event] = create({ ...valid, rule: 'Based on Field', field: 'raised_by', users: [] });
    assert.equal(event?.type === 'AssignmentRuleCreated' && event.data.values.field, 'raised_by');
  });

  it('lets Helpdesk itself create a rule without users or days, as a new team has none', () => {
    const [event] = create({ assign_condition: "status == 'Open'" }, bySystem);
    assert.equal(event?.type, 'AssignmentRuleCreated');
  });

  it('requires assignment days and refuses unknown or repeated ones', () => {
    assertMissing({ ...valid, assignment_days: [] }, 'Assignment Days');
    assertViolation(
      () => create({ ...valid, assignment_days: [{ day: 'Funday' }] }),
      'invalid',
      /^Row #1: Day cannot be "Funday"\. It should be one of "Monday", "Tuesday"/,
    );
    assertViolation(
      () =>
        create({
          ...valid,
          assignment_days: ['Monday', 'Tuesday', 'Monday', 'Friday', 'Tuesday'].map((day) => ({
            day,
          })),
        }),
      'invalid',
      'The following Assignment Days have been repeated: Monday and Tuesday',
    );
  });

  it('refuses an unknown rule, another document type, a fractional priority and a bad weight', () => {
    assertViolation(
      () => create({ ...valid, rule: 'Random' }),
      'invalid',
      'Rule cannot be "Random". It should be one of "Round Robin", "Load Balancing", "Based on Field", "Weighted Distribution"',
    );
    assertViolation(
      () => create({ ...valid, document_type: 'ToDo' }),
      'invalid',
      'Assignment Rule is not allowed on document type ToDo',
    );
    assertViolation(
      () => create({ ...valid, priority: 1.5 }),
      'invalid',
      'Priority must be a whole number',
    );
    assertViolation(
      () =>
        create({
          ...valid,
          rule: 'Weighted Distribution',
          weighted_users: [{ user: ANNA, weight: 0 }],
        }),
      'invalid',
      'Row #1: Weight must be a whole number of at least 1',
    );
    assertViolation(
      () => create({ ...valid, field: 'owner.name' }),
      'invalid',
      /Field "owner.name"/,
    );
  });
});

describe('UpdateAssignmentRule', () => {
  it('records only the fields that change', () => {
    assert.deepEqual(
      update({
        priority: 3,
        description: 'Automatic Assignment',
        users: [{ user: ANNA }, { user: BEN }],
      }),
      [{ type: 'AssignmentRuleUpdated', data: { ...by, changes: { priority: 3 } } }],
    );
    assert.deepEqual(update({ priority: 0, disabled: false }), []);
  });

  it('checks the rule as it would be after the change', () => {
    assertViolation(
      () => update({ rule: 'Based on Field' }),
      'mandatory',
      'Error: Value missing for Assignment Rule: Field',
    );
    assertViolation(
      () => update({ assign_condition: null }),
      'mandatory',
      'Error: Value missing for Assignment Rule: Assign Condition',
    );
    assertViolation(() => update({ users: [] }), 'mandatory', /Users/);
    assertViolation(
      () => update({ priority: 1 }, []),
      'not-found',
      'Assignment Rule Escalations not found',
    );
  });

  it('clears an optional condition given as null or blank', () => {
    const withUnassign = created(NAME, { ...stored, unassign_condition: 'x == 1' });
    assert.deepEqual(update({ unassign_condition: '  ' }, [withUnassign]), [
      { type: 'AssignmentRuleUpdated', data: { ...by, changes: { unassign_condition: null } } },
    ]);
  });
});

describe('DeleteAssignmentRule', () => {
  const remove = (otherTicketRules: number, context: AssignmentRuleContext = byManager) =>
    decideAssignmentRule(
      {
        type: 'DeleteAssignmentRule',
        data: { name: NAME },
        context: { ...context, otherTicketRules },
      } satisfies DeleteAssignmentRule,
      given([existing]),
    );

  it('deletes a rule while another ticket rule remains', () => {
    assert.deepEqual(remove(1), [{ type: 'AssignmentRuleDeleted', data: by }]);
  });

  it('refuses to delete the last ticket rule, unless its team is being deleted', () => {
    assertViolation(
      () => remove(0),
      'invalid',
      'There should be at least 1 assignment rule for ticket',
    );
    assert.equal(remove(0, bySystem).length, 1);
  });

  it('leaves the name free for a new rule', () => {
    const state = given([existing, ...remove(1)]);
    assert.deepEqual(state, { kind: 'absent' });
    const again = decideAssignmentRule(
      { type: 'CreateAssignmentRule', data: { name: NAME, values: valid }, context: byManager },
      state,
    );
    assert.equal(again[0]?.type, 'AssignmentRuleCreated');
  });
});

describe('RecordAssignmentRuleLastUser', () => {
  const record = (last_user: string, current_index = 0, history = [existing]) =>
    decideAssignmentRule(
      {
        type: 'RecordAssignmentRuleLastUser',
        data: { name: NAME, last_user, current_index },
        context: bySystem,
      },
      given(history),
    );

  it('records where the rotation stands, once', () => {
    const events = record(BEN, 0);
    assert.deepEqual(events, [
      {
        type: 'AssignmentRuleLastUserRecorded',
        data: { name: NAME, at: NOW, by: 'Administrator', last_user: BEN, current_index: 0 },
      },
    ]);
    assert.deepEqual(record(BEN, 0, [existing, ...events]), []);
    const state = given([existing, ...events]);
    assert.equal(state.kind === 'present' && state.rule.last_user, BEN);
  });

  it('refuses a blank user, a negative place and a missing rule', () => {
    assertViolation(() => record(' '), 'mandatory');
    assertViolation(() => record(ANNA, -1), 'invalid');
    assertViolation(() => record(ANNA, 0, []), 'not-found');
  });
});

describe('SyncAssignmentRuleWithTeam', () => {
  const sync = (members: string[], disabled: boolean, history: AssignmentRuleEvent[]) =>
    decideAssignmentRule(
      {
        type: 'SyncAssignmentRuleWithTeam',
        data: { name: NAME, team: 'Billing', members, disabled },
        context: bySystem,
      },
      given(history),
    );
  const meta = { name: NAME, at: NOW, by: 'Administrator', team: 'Billing' };

  it('makes the team’s members the users, in team order, and follows its disabled flag', () => {
    assert.deepEqual(sync([CLEO, ANNA], true, [existing]), [
      {
        type: 'AssignmentRuleSyncedWithTeam',
        data: { ...meta, changes: { users: [{ user: CLEO }, { user: ANNA }], disabled: 1 } },
      },
    ]);
    assert.deepEqual(sync([ANNA, BEN], false, [existing]), []);
  });

  it('skips blank members and members listed twice', () => {
    const [event] = sync([ANNA, ' ', ANNA, CLEO], false, [existing]);
    assert.deepEqual(event?.type === 'AssignmentRuleSyncedWithTeam' && event.data.changes, {
      users: [{ user: ANNA }, { user: CLEO }],
    });
  });

  it('keeps the weights of a Weighted Distribution rule and gives newcomers weight 1', () => {
    const weighted = created(NAME, {
      ...RULE_DEFAULTS,
      rule: 'Weighted Distribution',
      assign_condition: "status == 'Open'",
      weighted_users: [
        { user: ANNA, weight: 1 },
        { user: BEN, weight: 3 },
      ],
    });
    const events = sync([BEN, CLEO], false, [weighted]);
    assert.deepEqual(events, [
      {
        type: 'AssignmentRuleSyncedWithTeam',
        data: {
          ...meta,
          changes: {
            weighted_users: [
              { user: BEN, weight: 3 },
              { user: CLEO, weight: 1 },
            ],
          },
        },
      },
    ]);
    const state = given([weighted, ...events]);
    assert.deepEqual(state.kind === 'present' && state.rule.users, []);
  });
});
