import { stamp, type CommandContext } from '../command-context.js';
import { PeopleRuleViolation } from '../agent-rule-violation.js';
import { isAgentManager } from '../roles.js';
import type { CreateTeam, EditTeam, TeamCommand, TeamContext } from './team.commands.js';
import type { TeamEvent } from './team.events.js';
import type { TeamRecord, TeamState } from './team.state.js';

export function decideTeam(command: TeamCommand, state: TeamState): TeamEvent[] {
  switch (command.type) {
    case 'CreateTeam':
      return create(command, state);
    case 'EditTeam':
      return edit(command, existing(state));
    case 'LinkTeamAssignmentRule': {
      const team = existing(state);
      if (team.assignment_rule === command.assignment_rule) return [];
      return [
        {
          type: 'TeamAssignmentRuleLinked',
          data: { ...stamp(command.context), assignment_rule: command.assignment_rule },
        },
      ];
    }
    case 'RemoveTeam':
      existing(state);
      checkManager(command.context);
      return [{ type: 'TeamRemoved', data: stamp(command.context) }];
  }
}

function existing(state: TeamState): TeamRecord {
  if (state.kind === 'absent') throw new PeopleRuleViolation('not-found', 'HD Team not found');
  return state.team;
}

function checkManager(context: CommandContext): void {
  if (!isAgentManager(context))
    throw new PeopleRuleViolation('permission', 'Insufficient Permission for HD Team');
}

/** Members in the order given, each once, each an existing user. */
function members(users: readonly string[], context: TeamContext): string[] {
  const unique = [...new Set(users.map((user) => user.trim()).filter((user) => user !== ''))];
  const unknown = unique.find((user) => !context.isUser(user));
  if (unknown !== undefined)
    throw new PeopleRuleViolation('link', `Could not find User: ${unknown}`);
  return unique;
}

function create(command: CreateTeam, state: TeamState): TeamEvent[] {
  checkManager(command.context);
  const name = command.team_name.trim();
  if (name === '')
    throw new PeopleRuleViolation('mandatory', 'Error: Value missing for HD Team: team_name');
  if (state.kind === 'present')
    throw new PeopleRuleViolation('duplicate', `HD Team ${name} already exists`);
  return [
    {
      type: 'TeamCreated',
      data: {
        ...stamp(command.context),
        team_name: name,
        users: members(command.users, command.context),
        ignore_restrictions: command.ignore_restrictions ?? false,
        disabled: command.disabled ?? false,
      },
    },
  ];
}

function edit({ changes, context }: EditTeam, team: TeamRecord): TeamEvent[] {
  checkManager(context);
  const events: TeamEvent[] = [];
  if (changes.users !== undefined) {
    const users = members(changes.users, context);
    const added = users.filter((user) => !team.users.includes(user));
    const removed = team.users.filter((user) => !users.includes(user));
    const reordered = users.some((user, index) => team.users[index] !== user);
    if (added.length > 0 || removed.length > 0 || reordered)
      events.push({
        type: 'TeamMembersChanged',
        data: { ...stamp(context), users, added, removed },
      });
  }
  if (
    changes.ignore_restrictions !== undefined &&
    changes.ignore_restrictions !== team.ignore_restrictions
  ) {
    events.push({
      type: 'TeamRestrictionsChanged',
      data: { ...stamp(context), ignore_restrictions: changes.ignore_restrictions },
    });
  }
  if (changes.disabled !== undefined && changes.disabled !== team.disabled)
    events.push({ type: changes.disabled ? 'TeamDisabled' : 'TeamEnabled', data: stamp(context) });
  return events;
}
