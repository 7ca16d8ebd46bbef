import type { SyncAssignmentRuleWithTeam } from '../assignment-rule.commands.js';
import type { AssignmentRuleDocument } from '../assignment-rule.document.js';
import type { AssignmentRuleSyncedWithTeam } from '../assignment-rule.events.js';
import type { AssignmentRuleState } from '../assignment-rule.state.js';
import { changedFields, eventMeta, existingRule } from './guards.js';

type SyncedFields = Pick<AssignmentRuleDocument, 'users' | 'weighted_users' | 'disabled'>;

/**
 * HD Team's `on_update`: the members, in team order, become the rule's users; a Weighted
 * Distribution rule keeps each member's weight and gives newcomers weight 1. The rule is
 * disabled exactly when the team is.
 */
export function syncWithTeam(
  { data, context }: SyncAssignmentRuleWithTeam,
  state: AssignmentRuleState,
): AssignmentRuleSyncedWithTeam[] {
  const rule = existingRule(state, data.name);
  const changes = changedFields(syncedFields(rule, members(data.members), data.disabled), rule);
  if (Object.keys(changes).length === 0) return [];
  const synced = { ...eventMeta(rule.name, context), team: data.team, changes };
  return [{ type: 'AssignmentRuleSyncedWithTeam', data: synced }];
}

function syncedFields(
  rule: AssignmentRuleDocument,
  members: string[],
  disabled: boolean,
): Partial<SyncedFields> {
  const flag = disabled ? 1 : 0;
  if (rule.rule !== 'Weighted Distribution') {
    return { users: members.map((user) => ({ user })), disabled: flag };
  }
  const weightOf = (user: string) =>
    rule.weighted_users.find((row) => row.user === user)?.weight ?? 1;
  return {
    weighted_users: members.map((user) => ({ user, weight: weightOf(user) })),
    disabled: flag,
  };
}

/** Blank rows are skipped and a member listed twice counts once, as the team's table allows. */
function members(given: readonly string[]): string[] {
  return [...new Set(given.map((user) => user.trim()).filter((user) => user !== ''))];
}
