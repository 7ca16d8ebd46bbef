import type { AssignmentRuleDocument } from './rule/assignment-rule.document.js';
import { ruleUsers } from './rule/assignment-rule.document.js';

/** A ticket's save as Helpdesk's `remove_assignment_if_not_in_team` sees it. */
export interface TeamChange {
  previousTeam: string | null;
  /** `agent_group` after the save. */
  newTeam: string | null;
  /** `status_category` after the save. */
  statusCategory: string | null;
  /** `_assign`, oldest first. */
  assignees: readonly string[];
  /** HD Team Member users of the new team. */
  newTeamMembers: readonly string[];
  /** The new team's `assignment_rule`, or `null` when it has none. */
  newTeamRule: AssignmentRuleDocument | null;
}

/**
 * Whether moving an assigned Open ticket to another team clears all its assignments: only when
 * its first assignee is not a member of the new team and the new team's rule is enabled and has
 * users to give it to. The rule pass that follows then assigns within the new team.
 */
export function teamChangeClearsAssignments(change: TeamChange): boolean {
  const { previousTeam, newTeam, assignees, newTeamRule } = change;
  const firstAssignee = assignees[0];
  if (!newTeam || newTeam === previousTeam || firstAssignee === undefined) return false;
  if (change.statusCategory !== 'Open') return false;
  if (change.newTeamMembers.includes(firstAssignee)) return false;
  return newTeamRule !== null && !newTeamRule.disabled && ruleUsers(newTeamRule).length > 0;
}
