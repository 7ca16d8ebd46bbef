import type { TeamEvent } from './team.events.js';
import type { TeamRecord, TeamState } from './team.state.js';

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  const { at, by } = event.data;
  if (event.type === 'TeamCreated') {
    const { team_name, users, ignore_restrictions, disabled } = event.data;
    return {
      kind: 'present',
      team: {
        name: team_name,
        team_name,
        users,
        ignore_restrictions,
        disabled,
        assignment_rule: null,
        creation: at,
        modified: at,
        modified_by: by,
        owner: by,
      },
    };
  }
  if (state.kind === 'absent') return state;
  if (event.type === 'TeamRemoved') return { kind: 'absent' };
  return { kind: 'present', team: { ...apply(state.team, event), modified: at, modified_by: by } };
}

function apply(
  team: TeamRecord,
  event: Exclude<TeamEvent, { type: 'TeamCreated' | 'TeamRemoved' }>,
): TeamRecord {
  switch (event.type) {
    case 'TeamMembersChanged':
      return { ...team, users: event.data.users };
    case 'TeamRestrictionsChanged':
      return { ...team, ignore_restrictions: event.data.ignore_restrictions };
    case 'TeamDisabled':
      return { ...team, disabled: true };
    case 'TeamEnabled':
      return { ...team, disabled: false };
    case 'TeamAssignmentRuleLinked':
      return { ...team, assignment_rule: event.data.assignment_rule };
  }
}
