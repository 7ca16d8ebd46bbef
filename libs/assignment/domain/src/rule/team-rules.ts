import { WEEKDAYS } from '../weekdays.js';
import type { CreateAssignmentRule } from './assignment-rule.commands.js';
import { TICKET_DOCTYPE, type AssignmentRuleDocument } from './assignment-rule.document.js';

/** The rule Helpdesk installs and keeps in HD Settings `base_support_rotation`. */
export const BASE_SUPPORT_ROTATION = 'Support Rotation';

export interface TeamForRule {
  team_name: string;
  /** HD Team Member users, in team order. */
  users: readonly string[];
  disabled: boolean;
}

type TeamConditions = Pick<
  AssignmentRuleDocument,
  'assign_condition' | 'assign_condition_json' | 'unassign_condition' | 'unassign_condition_json'
>;

/**
 * A team's rule assigns Open tickets of the team and unassigns them when they leave it. The team
 * name is quoted as a Python string, so a name with a quote still gives a working condition.
 */
export function teamRuleConditions(team: string): TeamConditions {
  const quoted = pythonString(team);
  return {
    assign_condition: `status == 'Open' and agent_group == ${quoted}`,
    assign_condition_json: JSON.stringify([
      ['status', '==', 'Open'],
      'and',
      ['agent_group', '==', team],
    ]),
    unassign_condition: `agent_group != ${quoted}`,
    unassign_condition_json: JSON.stringify([['agent_group', '!=', team]]),
  };
}

/**
 * "<team> - Support Rotation", or with Frappe's `append_number_if_name_exists` suffix when the
 * name is taken: "-1", or one more than the highest "-N" already there.
 */
export function supportRotationRuleName(team: string, takenNames: Iterable<string>): string {
  const base = `${team} - Support Rotation`;
  const taken = [...takenNames];
  if (!taken.includes(base)) return base;
  const numbered = taken
    .filter((name) => name.startsWith(`${base}-`) && /^\d+$/.test(name.slice(base.length + 1)))
    .map((name) => Number(name.slice(base.length + 1)));
  return `${base}-${Math.max(0, ...numbered) + 1}`;
}

/**
 * HD Team's `after_insert`: its Round Robin rule, priority 1, every day, the team's members and
 * `disabled`. Create it with a system context: a team without members is allowed a rule.
 */
export function teamSupportRotationRule(
  team: TeamForRule,
  takenNames: Iterable<string>,
): CreateAssignmentRule['data'] {
  const members = [...new Set(team.users.map((user) => user.trim()).filter(Boolean))];
  return {
    name: supportRotationRuleName(team.team_name, takenNames),
    values: {
      document_type: TICKET_DOCTYPE,
      priority: 1,
      disabled: team.disabled,
      rule: 'Round Robin',
      assignment_days: WEEKDAYS.map((day) => ({ day })),
      users: members.map((user) => ({ user })),
      ...teamRuleConditions(team.team_name),
    },
  };
}

/** Installed with Helpdesk: every Open ticket, priority 0, every day, and disabled. */
export function baseSupportRotationRule(): CreateAssignmentRule['data'] {
  return {
    name: BASE_SUPPORT_ROTATION,
    values: {
      document_type: TICKET_DOCTYPE,
      priority: 0,
      disabled: true,
      rule: 'Round Robin',
      assignment_days: WEEKDAYS.map((day) => ({ day })),
      assign_condition: "status == 'Open'",
    },
  };
}

/**
 * Helpdesk's save-time notices (messages, not errors) for each user of an enabled ticket rule
 * linked to a team who is not a member of that team.
 */
export function usersOutsideTeamNotices(
  rule: AssignmentRuleDocument,
  team: string,
  members: readonly string[],
): string[] {
  if (rule.document_type !== TICKET_DOCTYPE || rule.disabled) return [];
  const users =
    rule.rule === 'Weighted Distribution'
      ? rule.weighted_users.map((row) => row.user)
      : rule.rule === 'Based on Field'
        ? []
        : rule.users.map((row) => row.user);
  const link = `<a href='/app/hd-team/${team}'><b>${team}</b></a>`;
  return users
    .filter((user) => !members.includes(user))
    .map(
      (user) =>
        `This Assignment Rule is linked to the Team ${link}.</br> User <u>${user}</u> is added in the Assignment Rule but not in the linked Team. Please add the user in the ${link} to ensure proper team structure.`,
    );
}

function pythonString(text: string): string {
  const escaped = text
    .replaceAll('\\', '\\\\')
    .replaceAll("'", "\\'")
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r');
  return `'${escaped}'`;
}
