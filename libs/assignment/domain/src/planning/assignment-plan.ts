import type { TicketFields } from '@helpdesk/shared-conditions';
import type { PickContext } from '../picking/pick-user.js';
import type { ConditionSlot } from '../rule/rule-conditions.js';
import type { AssignmentRuleDocument } from '../rule/assignment-rule.document.js';
import type { Weekday } from '../weekdays.js';

/** An assignment (ToDo) of the ticket that is not cancelled. */
export interface ExistingAssignment {
  user: string;
  /** The rule that created it; `null` for a manual assignment. */
  rule: string | null;
  /** Absent means Open. */
  status?: 'Open' | 'Closed';
}

/** Everything a rule pass reads, gathered by the caller after a ticket is inserted or saved. */
export interface PlanAssignmentInput extends PickContext {
  /** The Assignment Rules for HD Ticket; disabled ones and other document types are ignored. */
  rules: readonly AssignmentRuleDocument[];
  /** Today in the site's time zone (see `weekdayIn`). */
  today: Weekday;
  /** The ticket as saved, every field by Frappe name, empty ones as `null`. */
  ticket: TicketFields;
  assignments: readonly ExistingAssignment[];
}

export type AssignmentDecision =
  /** No assignment before, none now. */
  | { kind: 'nothing' }
  /** The existing assignments stay as they are. */
  | { kind: 'keep' }
  /** `rule`'s unassign condition holds: cancel every assignment listed, nothing replaces them. */
  | { kind: 'unassign-all'; rule: string; cancel: readonly string[] }
  /** Cancel the assignments listed (cleared by `unassignedBy`), then assign `user` by `rule`. */
  | {
      kind: 'assign';
      rule: string;
      user: string;
      /** The rule's description with `{{ field }}` filled from the ticket. */
      description: string;
      /** The value of the rule's `due_date_based_on` field, if it has one. */
      dueDate: unknown;
      unassignedBy: string | null;
      cancel: readonly string[];
      /** What to record on the rule afterwards (`RecordAssignmentRuleLastUser`). */
      record: { last_user: string; current_index: number };
    };

/** After the decision, while assignments remain: close them all, or reopen closed ones. */
export type CloseStep = { action: 'close-all'; rule: string } | { action: 'reopen-closed' };

/** A condition Python would have raised on; it counted as false. */
export interface ConditionFailure {
  rule: string;
  condition: ConditionSlot;
  message: string;
}

export interface AssignmentPlan {
  decision: AssignmentDecision;
  close: CloseStep | null;
  /** For the log, as Frappe shows "Auto assignment failed: …" and carries on. */
  failures: readonly ConditionFailure[];
}
