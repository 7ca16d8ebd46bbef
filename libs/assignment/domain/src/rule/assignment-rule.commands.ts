/** Who acts and when; the clock is passed in, never read. */
export interface AssignmentRuleContext {
  actor: string;
  now: Date;
  /**
   * A change Helpdesk makes itself (a team's hooks, install), as Frappe saves those with
   * `ignore_mandatory`/`ignore_on_trash`: users and assignment days are not required, and the
   * last ticket rule may be deleted.
   */
  system?: boolean;
}

/** Fields as a client sends them (`frappe.client.insert` / `set_value`), by Frappe name. */
export interface AssignmentRuleInput {
  document_type?: string | null;
  description?: string | null;
  priority?: number | null;
  disabled?: boolean | 0 | 1 | null;
  rule?: string | null;
  field?: string | null;
  due_date_based_on?: string | null;
  users?: readonly { user: string }[] | null;
  weighted_users?: readonly { user: string; weight?: number | null }[] | null;
  assignment_days?: readonly { day: string }[] | null;
  assign_condition?: string | null;
  unassign_condition?: string | null;
  close_condition?: string | null;
  assign_condition_json?: string | null;
  unassign_condition_json?: string | null;
}

export interface CreateAssignmentRule {
  type: 'CreateAssignmentRule';
  data: { name: string; values: AssignmentRuleInput };
  context: AssignmentRuleContext;
}

export interface UpdateAssignmentRule {
  type: 'UpdateAssignmentRule';
  data: { name: string; changes: AssignmentRuleInput };
  context: AssignmentRuleContext;
}

export interface DeleteAssignmentRule {
  type: 'DeleteAssignmentRule';
  data: { name: string };
  /** How many other Assignment Rules exist for HD Ticket: the last one may not go. */
  context: AssignmentRuleContext & { otherTicketRules: number };
}

/** After an automatic assignment: the user picked and, for Weighted Distribution, the next place. */
export interface RecordAssignmentRuleLastUser {
  type: 'RecordAssignmentRuleLastUser';
  data: { name: string; last_user: string; current_index: number };
  context: AssignmentRuleContext;
}

/** A team's rule follows the team: its members become the users, its `disabled` the rule's. */
export interface SyncAssignmentRuleWithTeam {
  type: 'SyncAssignmentRuleWithTeam';
  data: { name: string; team: string; members: readonly string[]; disabled: boolean };
  context: AssignmentRuleContext;
}

export type AssignmentRuleCommand =
  | CreateAssignmentRule
  | UpdateAssignmentRule
  | DeleteAssignmentRule
  | RecordAssignmentRuleLastUser
  | SyncAssignmentRuleWithTeam;
