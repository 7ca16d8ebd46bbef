import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ticket } from '@helpdesk/shared-conditions/testing';
import { planInput } from '../testing/plan.fixtures.js';
import { ANNA, BEN, CLEO, rule, teamRule } from '../testing/rule.fixtures.js';
import { planAssignment } from './plan-assignment.js';

const BILLING = 'Billing - Support Rotation';
const SALES = 'Sales - Support Rotation';
const billing = teamRule('Billing', [ANNA, BEN]);
const sales = teamRule('Sales', [CLEO]);
const teams = [billing, sales];
const billingTicket = ticket({ agent_group: 'Billing' });
const byBilling = [{ user: ANNA, rule: BILLING }];

describe('planAssignment: a new or saved ticket without assignments', () => {
  it("assigns an Open ticket of a team to the team's next user, to be recorded on the rule", () => {
    const plan = planAssignment(planInput({ rules: teams, ticket: billingTicket }));
    assert.deepEqual(plan, {
      decision: {
        kind: 'assign',
        rule: BILLING,
        user: ANNA,
        description: 'Automatic Assignment',
        dueDate: null,
        unassignedBy: null,
        cancel: [],
        record: { last_user: ANNA, current_index: 0 },
      },
      close: null,
      failures: [],
    });
    const next = planAssignment(
      planInput({ rules: [{ ...billing, last_user: ANNA }], ticket: billingTicket }),
    );
    assert.equal(next.decision.kind === 'assign' && next.decision.user, BEN);
  });

  it("leaves a ticket whose status is in the Open category but not named 'Open' unassigned", () => {
    const reopened = ticket({
      agent_group: 'Billing',
      status: 'Reopened',
      status_category: 'Open',
    });
    assert.deepEqual(planAssignment(planInput({ rules: teams, ticket: reopened })).decision, {
      kind: 'nothing',
    });
  });

  it('leaves a ticket without a team to the base rule, which is disabled as installed', () => {
    const base = rule('Support Rotation', {
      assign_condition: "status == 'Open'",
      users: [{ user: CLEO }],
      disabled: 1,
    });
    assert.equal(planAssignment(planInput({ rules: [...teams, base] })).decision.kind, 'nothing');
    const enabled = planAssignment(planInput({ rules: [...teams, { ...base, disabled: 0 }] }));
    assert.equal(enabled.decision.kind === 'assign' && enabled.decision.rule, 'Support Rotation');
  });

  it('tries rules by priority, highest first, then by name, and skips disabled ones', () => {
    const open = { assign_condition: "status == 'Open'" };
    const rules = [
      rule('b-low', { ...open, priority: 0, users: [{ user: CLEO }] }),
      rule('z-high', { ...open, priority: 5, users: [{ user: BEN }] }),
      rule('a-high', { ...open, priority: 5, users: [{ user: ANNA }] }),
      rule('off', { ...open, priority: 9, users: [{ user: CLEO }], disabled: 1 }),
    ];
    for (const order of [rules, [...rules].reverse()]) {
      const { decision } = planAssignment(planInput({ rules: order }));
      assert.equal(decision.kind === 'assign' && decision.rule, 'a-high');
    }
  });

  it('skips a rule on days it is not scheduled for; no days means every day', () => {
    const weekdaysOnly = { ...billing, assignment_days: [{ day: 'Tuesday' as const }] };
    const fallback = rule('Any day', {
      assign_condition: "status == 'Open'",
      users: [{ user: CLEO }],
    });
    const { decision } = planAssignment(
      planInput({ rules: [weekdaysOnly, fallback], ticket: billingTicket }),
    );
    assert.equal(decision.kind === 'assign' && decision.rule, 'Any day');
    const tuesday = planAssignment(
      planInput({ rules: [weekdaysOnly, fallback], ticket: billingTicket, today: 'Tuesday' }),
    );
    assert.equal(tuesday.decision.kind === 'assign' && tuesday.decision.rule, BILLING);
  });

  it('moves on to the next rule when a matching rule finds nobody', () => {
    const empty = teamRule('Billing', [], { priority: 2 });
    const fallback = rule('Fallback', {
      assign_condition: "status == 'Open'",
      users: [{ user: CLEO }],
    });
    const { decision } = planAssignment(
      planInput({ rules: [empty, fallback], ticket: billingTicket }),
    );
    assert.equal(decision.kind === 'assign' && decision.user, CLEO);
  });

  it('counts a condition that cannot be evaluated as false, and reports it', () => {
    const broken = rule('Broken', {
      assign_condition: 'score > 3',
      users: [{ user: BEN }],
      priority: 9,
    });
    const plan = planAssignment(planInput({ rules: [broken, ...teams], ticket: billingTicket }));
    assert.equal(plan.decision.kind === 'assign' && plan.decision.rule, BILLING);
    assert.deepEqual(plan.failures, [
      { rule: 'Broken', condition: 'assign', message: "name 'score' is not defined" },
    ]);
  });

  it('evaluates a rule given only in the JSON form', () => {
    const jsonOnly = { ...billing, assign_condition: null, unassign_condition: null };
    const { decision } = planAssignment(planInput({ rules: [jsonOnly], ticket: billingTicket }));
    assert.equal(decision.kind === 'assign' && decision.rule, BILLING);
  });

  it('fills the description from the ticket and takes the due date from the configured field', () => {
    const described = {
      ...billing,
      description: 'Ticket {{ name }}: {{subject}} ({{ customer }}) {{ missing }}',
      due_date_based_on: 'resolution_by',
    };
    const { decision } = planAssignment(
      planInput({
        rules: [described],
        ticket: ticket({ agent_group: 'Billing', resolution_by: '2026-11-24 09:00:00' }),
      }),
    );
    assert.equal(decision.kind, 'assign');
    if (decision.kind !== 'assign') return;
    assert.equal(decision.description, 'Ticket 42: Printer on fire (None) ');
    assert.equal(decision.dueDate, '2026-11-24 09:00:00');
  });
});

describe('planAssignment: a saved ticket with assignments', () => {
  it('keeps an assignment through status changes: team rules have no status unassign', () => {
    const replied = ticket({
      agent_group: 'Billing',
      status: 'Replied',
      status_category: 'Paused',
    });
    const plan = planAssignment(
      planInput({ rules: teams, ticket: replied, assignments: byBilling }),
    );
    assert.deepEqual(plan, { decision: { kind: 'keep' }, close: null, failures: [] });
  });

  it('moves a ticket that changes team: the old rule unassigns, the new team’s rule assigns', () => {
    const moved = ticket({ agent_group: 'Sales' });
    const { decision } = planAssignment(
      planInput({ rules: teams, ticket: moved, assignments: byBilling }),
    );
    assert.deepEqual(decision, {
      kind: 'assign',
      rule: SALES,
      user: CLEO,
      description: 'Automatic Assignment',
      dueDate: null,
      unassignedBy: BILLING,
      cancel: [ANNA],
      record: { last_user: CLEO, current_index: 0 },
    });
  });

  it('only unassigns when the ticket changes team while not Open', () => {
    const moved = ticket({ agent_group: 'Sales', status: 'Replied', status_category: 'Paused' });
    const { decision } = planAssignment(
      planInput({ rules: teams, ticket: moved, assignments: byBilling }),
    );
    assert.deepEqual(decision, { kind: 'unassign-all', rule: BILLING, cancel: [ANNA] });
  });

  it('never clears a manual assignment by an unassign condition', () => {
    const moved = ticket({ agent_group: 'Sales' });
    const manual = [{ user: BEN, rule: null }];
    const { decision } = planAssignment(
      planInput({ rules: teams, ticket: moved, assignments: manual }),
    );
    assert.deepEqual(decision, { kind: 'keep' });
  });

  it('clears every assignment, manual ones too, once a rule’s own assignment is unassigned', () => {
    const moved = ticket({ agent_group: 'Sales' });
    const both = [{ user: BEN, rule: null }, ...byBilling];
    const { decision } = planAssignment(
      planInput({ rules: teams, ticket: moved, assignments: both }),
    );
    assert.equal(decision.kind === 'assign' && decision.cancel.join(), [BEN, ANNA].join());
  });

  it('does not unassign by a rule that is not scheduled today', () => {
    const notToday = { ...billing, assignment_days: [{ day: 'Sunday' as const }] };
    const moved = ticket({ agent_group: 'Sales' });
    const { decision } = planAssignment(
      planInput({ rules: [notToday, sales], ticket: moved, assignments: byBilling }),
    );
    assert.deepEqual(decision, { kind: 'keep' });
  });

  it('keeps assignments when no rule is enabled', () => {
    const { decision } = planAssignment(planInput({ rules: [], assignments: byBilling }));
    assert.deepEqual(decision, { kind: 'keep' });
  });
});

describe('planAssignment: the close step', () => {
  const closing = rule('Closing', {
    assign_condition: "status == 'Open'",
    close_condition: "status == 'Closed'",
    users: [{ user: ANNA }],
  });

  it('closes the assignments when a close condition holds', () => {
    const closed = ticket({ status: 'Closed', status_category: 'Resolved' });
    const plan = planAssignment(
      planInput({
        rules: [closing],
        ticket: closed,
        assignments: [{ user: ANNA, rule: 'Closing' }],
      }),
    );
    assert.deepEqual(plan.close, { action: 'close-all', rule: 'Closing' });
    assert.deepEqual(plan.decision, { kind: 'keep' });
  });

  it('reopens closed assignments when no close condition holds, even for team rules', () => {
    const closedTodo = [{ user: ANNA, rule: BILLING, status: 'Closed' as const }];
    const plan = planAssignment(
      planInput({ rules: teams, ticket: billingTicket, assignments: closedTodo }),
    );
    assert.deepEqual(plan.close, { action: 'reopen-closed' });
  });

  it('closes a new assignment at once when a close condition holds, and does nothing otherwise', () => {
    const both = rule('Both', {
      assign_condition: 'True',
      close_condition: 'True',
      users: [{ user: BEN }],
    });
    const plan = planAssignment(planInput({ rules: [both] }));
    assert.equal(plan.decision.kind, 'assign');
    assert.deepEqual(plan.close, { action: 'close-all', rule: 'Both' });
    assert.equal(planAssignment(planInput({ rules: teams, ticket: billingTicket })).close, null);
  });

  it('has no close step once everything was unassigned', () => {
    const moved = ticket({ agent_group: 'Sales', status: 'Replied' });
    const closedTodo = [{ user: ANNA, rule: BILLING, status: 'Closed' as const }];
    const plan = planAssignment(
      planInput({ rules: teams, ticket: moved, assignments: closedTodo }),
    );
    assert.equal(plan.decision.kind, 'unassign-all');
    assert.equal(plan.close, null);
  });
});
