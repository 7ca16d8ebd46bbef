import type { FrappeDocument } from '@helpdesk/shared-messaging';

/** A row of `helpdesk.api.assignment_rule.get_assignment_rules_list`. */
export interface AssignmentRuleSummary {
  name: string;
  description: string;
  disabled: 0 | 1;
  priority: number;
  /** The rule has rows in `users` (Assignment Rule User). */
  users_exists: boolean;
}

/** Frappe reads over the Assignment Rule read model. */
export interface AssignmentRuleDocuments {
  /** `frappe.client.get_list` / `GET /api/resource/Assignment Rule` with Frappe's parameters. */
  list(params: Record<string, unknown>): Promise<unknown[]>;
  count(params: Record<string, unknown>): Promise<number>;
  /** The whole rule with its child rows and its pointer (`last_user`, `current_index`). */
  get(name: string): Promise<FrappeDocument | undefined>;
  /** Every rule, most recently modified first. */
  summaries(): Promise<AssignmentRuleSummary[]>;
}
