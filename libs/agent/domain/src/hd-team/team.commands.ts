import type { CommandContext } from '../command-context.js';

/** Members must be existing users (HD Team Member.user links User). */
export interface TeamContext extends CommandContext {
  isUser: (name: string) => boolean;
}

export interface CreateTeam {
  type: 'CreateTeam';
  team_name: string;
  users: readonly string[];
  ignore_restrictions?: boolean;
  disabled?: boolean;
  context: TeamContext;
}

export interface EditTeam {
  type: 'EditTeam';
  changes: { users?: readonly string[]; ignore_restrictions?: boolean; disabled?: boolean };
  context: TeamContext;
}

/** Recorded when the team's "<team> - Support Rotation" rule exists. */
export interface LinkTeamAssignmentRule {
  type: 'LinkTeamAssignmentRule';
  assignment_rule: string;
  context: CommandContext;
}

export interface RemoveTeam {
  type: 'RemoveTeam';
  context: CommandContext;
}

export type TeamCommand = CreateTeam | EditTeam | LinkTeamAssignmentRule | RemoveTeam;
