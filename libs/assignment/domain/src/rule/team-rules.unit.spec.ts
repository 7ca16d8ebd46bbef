import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCondition } from '@helpdesk/shared-conditions';
import { ticket } from '@helpdesk/shared-conditions/testing';
import { ANNA, BEN, bySystem, given, rule, teamRule } from '../testing/rule.fixtures.js';
import { WEEKDAYS } from '../weekdays.js';
import { decideAssignmentRule } from './assignment-rule.decide.js';
import { ruleCondition } from './rule-conditions.js';
import {
  baseSupportRotationRule,
  supportRotationRuleName,
  teamRuleConditions,
  teamSupportRotationRule,
  usersOutsideTeamNotices,
} from './team-rules.js';

describe('team rules', () => {
  it('assign Open tickets of the team and unassign them when they leave it, in both forms', () => {
    assert.deepEqual(teamRuleConditions('Billing'), {
      assign_condition: "status == 'Open' and agent_group == 'Billing'",
      assign_condition_json: '[["status","==","Open"],"and",["agent_group","==","Billing"]]',
      unassign_condition: "agent_group != 'Billing'",
      unassign_condition_json: '[["agent_group","!=","Billing"]]',
    });
  });

  it('are created as Round Robin, priority 1, every day, with the team’s members and flag', () => {
    const data = teamSupportRotationRule(
      { team_name: 'Billing', users: [ANNA, '', BEN, ANNA], disabled: false },
      [],
    );
    const [event] = decideAssignmentRule(
      { type: 'CreateAssignmentRule', data, context: bySystem },
      given([]),
    );
    assert.equal(event?.type, 'AssignmentRuleCreated');
    const values = event?.type === 'AssignmentRuleCreated' ? event.data.values : undefined;
    assert.equal(event?.data.name, 'Billing - Support Rotation');
    assert.equal(values?.rule, 'Round Robin');
    assert.equal(values?.priority, 1);
    assert.equal(values?.disabled, 0);
    assert.equal(values?.document_type, 'HD Ticket');
    assert.deepEqual(
      values?.assignment_days,
      WEEKDAYS.map((day) => ({ day })),
    );
    assert.deepEqual(values?.users, [{ user: ANNA }, { user: BEN }]);
  });

  it('exist for a team without members, and are disabled with a disabled team', () => {
    const data = teamSupportRotationRule(
      { team_name: 'Product Experts', users: [], disabled: true },
      [],
    );
    const [event] = decideAssignmentRule(
      { type: 'CreateAssignmentRule', data, context: bySystem },
      given([]),
    );
    assert.equal(event?.type === 'AssignmentRuleCreated' && event.data.values.disabled, 1);
  });

  it('take a numbered name when theirs is taken, one past the highest number', () => {
    assert.equal(
      supportRotationRuleName('Billing', ['Support Rotation']),
      'Billing - Support Rotation',
    );
    assert.equal(
      supportRotationRuleName('Billing', ['Billing - Support Rotation']),
      'Billing - Support Rotation-1',
    );
    assert.equal(
      supportRotationRuleName('Billing', [
        'Billing - Support Rotation',
        'Billing - Support Rotation-2',
        'Billing - Support Rotation-10',
        'Billing - Support Rotation-x',
      ]),
      'Billing - Support Rotation-11',
    );
  });

  it('quote the team name so that a name with quotes still matches its own tickets only', () => {
    const team = "O'Brien \\ Sons";
    const conditions = rule('x', teamRuleConditions(team));
    const assign = ruleCondition(conditions, 'assign');
    assert.equal(evaluateCondition(assign, ticket({ agent_group: team })).matched, true);
    assert.equal(evaluateCondition(assign, ticket({ agent_group: "O'Brien" })).matched, false);
    const json = ruleCondition({ ...conditions, assign_condition: null }, 'assign');
    assert.equal(evaluateCondition(json, ticket({ agent_group: team })).matched, true);
  });

  it('include the disabled base "Support Rotation" rule for every Open ticket', () => {
    const [event] = decideAssignmentRule(
      { type: 'CreateAssignmentRule', data: baseSupportRotationRule(), context: bySystem },
      given([]),
    );
    assert.equal(event?.data.name, 'Support Rotation');
    const values = event?.type === 'AssignmentRuleCreated' ? event.data.values : undefined;
    assert.equal(values?.assign_condition, "status == 'Open'");
    assert.equal(values?.priority, 0);
    assert.equal(values?.disabled, 1);
    assert.equal(values?.assignment_days.length, 7);
  });

  it('notice users of an enabled team rule who are not in the team, without refusing them', () => {
    const billing = teamRule('Billing', [ANNA, BEN]);
    const [notice, ...more] = usersOutsideTeamNotices(billing, 'Billing', [ANNA]);
    assert.equal(more.length, 0);
    assert.match(
      notice ?? '',
      /linked to the Team .*Billing.*User <u>ben@example\.com<\/u> is added/,
    );
    assert.deepEqual(usersOutsideTeamNotices({ ...billing, disabled: 1 }, 'Billing', []), []);
    const weighted = {
      ...billing,
      rule: 'Weighted Distribution' as const,
      weighted_users: [{ user: BEN, weight: 2 }],
    };
    assert.equal(usersOutsideTeamNotices(weighted, 'Billing', [ANNA]).length, 1);
  });
});
