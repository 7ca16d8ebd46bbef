import type { Stamp } from '../command-context.js';

export interface TeamCreated {
  type: 'TeamCreated';
  data: Stamp & {
    team_name: string;
    users: string[];
    ignore_restrictions: boolean;
    disabled: boolean;
  };
}

export interface TeamMembersChanged {
  type: 'TeamMembersChanged';
  data: Stamp & { users: string[]; added: string[]; removed: string[] };
}

export interface TeamRestrictionsChanged {
  type: 'TeamRestrictionsChanged';
  data: Stamp & { ignore_restrictions: boolean };
}

export interface TeamDisabled {
  type: 'TeamDisabled';
  data: Stamp;
}

export interface TeamEnabled {
  type: 'TeamEnabled';
  data: Stamp;
}

export interface TeamAssignmentRuleLinked {
  type: 'TeamAssignmentRuleLinked';
  data: Stamp & { assignment_rule: string };
}

export interface TeamRemoved {
  type: 'TeamRemoved';
  data: Stamp;
}

export type TeamEvent =
  | TeamCreated
  | TeamMembersChanged
  | TeamRestrictionsChanged
  | TeamDisabled
  | TeamEnabled
  | TeamAssignmentRuleLinked
  | TeamRemoved;
