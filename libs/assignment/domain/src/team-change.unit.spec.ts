import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { teamChangeClearsAssignments, type TeamChange } from './team-change.js';
import { ANNA, BEN, CLEO, teamRule } from './testing/rule.fixtures.js';

const moveToSales: TeamChange = {
  previousTeam: 'Billing',
  newTeam: 'Sales',
  statusCategory: 'Open',
  assignees: [ANNA, BEN],
  newTeamMembers: [CLEO],
  newTeamRule: teamRule('Sales', [CLEO]),
};
const clears = (change: Partial<TeamChange>) =>
  teamChangeClearsAssignments({ ...moveToSales, ...change });

describe('teamChangeClearsAssignments', () => {
  it('clears an Open ticket moved to a team its first assignee is not in', () => {
    assert.equal(clears({}), true);
  });

  it('keeps the assignment when the first assignee is a member of the new team', () => {
    assert.equal(clears({ newTeamMembers: [CLEO, ANNA] }), false);
    assert.equal(clears({ newTeamMembers: [BEN] }), true, 'only the first assignee counts');
  });

  it("needs the new team's rule to exist, be enabled and have users", () => {
    assert.equal(clears({ newTeamRule: null }), false);
    assert.equal(clears({ newTeamRule: teamRule('Sales', [CLEO], { disabled: 1 }) }), false);
    assert.equal(clears({ newTeamRule: teamRule('Sales', []) }), false);
    const weighted = teamRule('Sales', [], {
      rule: 'Weighted Distribution',
      weighted_users: [{ user: CLEO, weight: 2 }],
    });
    assert.equal(clears({ newTeamRule: weighted }), true);
  });

  it('only applies while the ticket is Open, assigned, and really changes to a team', () => {
    assert.equal(clears({ statusCategory: 'Paused' }), false);
    assert.equal(clears({ statusCategory: 'Resolved' }), false);
    assert.equal(clears({ assignees: [] }), false);
    assert.equal(clears({ newTeam: null }), false);
    assert.equal(clears({ newTeam: '' }), false);
    assert.equal(clears({ previousTeam: 'Sales' }), false);
    assert.equal(clears({ previousTeam: null }), true);
  });
});
