export interface TeamRecord {
  name: string;
  team_name: string;
  /** Members' user ids, in the order they were added (the rotation order of the team's rule). */
  users: string[];
  ignore_restrictions: boolean;
  disabled: boolean;
  assignment_rule: string | null;
  creation: string;
  modified: string;
  modified_by: string;
  owner: string;
}

export type TeamState = { kind: 'absent' } | { kind: 'present'; team: TeamRecord };

export const NO_TEAM: TeamState = { kind: 'absent' };

export function teamStreamId(name: string): string {
  return `hd-team-${name}`;
}
