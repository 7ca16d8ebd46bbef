import type { AssignmentRuleDocument, AssignmentRuleValues } from './assignment-rule.document.js';

/** Every event names its rule, when it happened and who did it. */
export interface AssignmentRuleEventMeta {
  name: string;
  /** ISO-8601 instant. */
  at: string;
  by: string;
}

export interface AssignmentRuleCreated {
  type: 'AssignmentRuleCreated';
  data: AssignmentRuleEventMeta & { values: AssignmentRuleValues };
}

/** Only the fields that changed, with their new values. */
export interface AssignmentRuleUpdated {
  type: 'AssignmentRuleUpdated';
  data: AssignmentRuleEventMeta & { changes: Partial<AssignmentRuleValues> };
}

export interface AssignmentRuleSyncedWithTeam {
  type: 'AssignmentRuleSyncedWithTeam';
  data: AssignmentRuleEventMeta & {
    team: string;
    changes: Partial<Pick<AssignmentRuleDocument, 'users' | 'weighted_users' | 'disabled'>>;
  };
}

export interface AssignmentRuleLastUserRecorded {
  type: 'AssignmentRuleLastUserRecorded';
  data: AssignmentRuleEventMeta & Pick<AssignmentRuleDocument, 'last_user' | 'current_index'>;
}

export interface AssignmentRuleDeleted {
  type: 'AssignmentRuleDeleted';
  data: AssignmentRuleEventMeta;
}

/**
 * Facts on an assignment rule's stream. The `type` string is what is stored: never rename one;
 * add a new event or upcast on read instead.
 */
export type AssignmentRuleEvent =
  | AssignmentRuleCreated
  | AssignmentRuleUpdated
  | AssignmentRuleSyncedWithTeam
  | AssignmentRuleLastUserRecorded
  | AssignmentRuleDeleted;
