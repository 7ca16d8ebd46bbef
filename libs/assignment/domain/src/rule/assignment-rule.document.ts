import type { Weekday } from '../weekdays.js';

export const ASSIGNMENT_RULE_KINDS = [
  'Round Robin',
  'Load Balancing',
  'Based on Field',
  'Weighted Distribution',
] as const;

/** `Assignment Rule.rule`: how the next user is picked. */
export type AssignmentRuleKind = (typeof ASSIGNMENT_RULE_KINDS)[number];

export const TICKET_DOCTYPE = 'HD Ticket';
export const DEFAULT_RULE_DESCRIPTION = 'Automatic Assignment';

/**
 * Frappe's Assignment Rule, field by field, as `frappe.client.get` shows it. Child tables keep
 * their row shape; `disabled` is a Check (0/1).
 */
export interface AssignmentRuleDocument {
  name: string;
  document_type: string;
  description: string;
  /** Higher runs first. */
  priority: number;
  disabled: 0 | 1;
  rule: AssignmentRuleKind;
  /** Based on Field: the ticket field naming the user. */
  field: string | null;
  /** The ticket field whose value becomes the assignment's due date. */
  due_date_based_on: string | null;
  /** Round Robin and Load Balancing pick from these, in order. */
  users: { user: string }[];
  /** Weighted Distribution picks from these. */
  weighted_users: { user: string; weight: number }[];
  /** Empty means every day. */
  assignment_days: { day: Weekday }[];
  assign_condition: string | null;
  unassign_condition: string | null;
  close_condition: string | null;
  assign_condition_json: string | null;
  unassign_condition_json: string | null;
  /** The user the rule assigned last: Round Robin continues after them. */
  last_user: string | null;
  /** Weighted Distribution: the next place in the cycle of weighted users. */
  current_index: number;
}

/** Everything but the name: what creation records. */
export type AssignmentRuleValues = Omit<AssignmentRuleDocument, 'name'>;

/** The fields a caller may set; `last_user` and `current_index` only move by assigning. */
export type EditableRuleField = Exclude<keyof AssignmentRuleValues, 'last_user' | 'current_index'>;

/** The users the rule's kind picks from. */
export function ruleUsers(rule: AssignmentRuleDocument): string[] {
  const rows = rule.rule === 'Weighted Distribution' ? rule.weighted_users : rule.users;
  return rows.map((row) => row.user);
}
