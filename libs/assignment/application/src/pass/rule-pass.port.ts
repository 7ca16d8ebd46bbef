import type {
  AgentAvailability,
  AssignmentRuleDocument,
  PickedUser,
} from '@helpdesk/assignment-domain';
import type { Sql } from '@helpdesk/shared-event-store';

export type RulePointer = Pick<PickedUser, 'last_user' | 'current_index'>;

/** What the rule pass reads and writes besides the ticket copy, on the caller's transaction. */
export interface RulePassStore {
  /** Assignment Rules for HD Ticket, with their pointers as last committed. */
  ticketRules(sql: Sql): Promise<AssignmentRuleDocument[]>;
  /** The rule's pointer, locked until the transaction ends: one decision per rule at a time. */
  lockPointer(sql: Sql, rule: string): Promise<RulePointer | undefined>;
  savePointer(sql: Sql, rule: string, pointer: RulePointer): Promise<void>;
  availability(sql: Sql): Promise<AgentAvailability>;
  /** Open (not Resolved) tickets assigned to each user, for Load Balancing. */
  openAssignmentCounts(sql: Sql, users: readonly string[]): Promise<ReadonlyMap<string, number>>;
  knownUsers(sql: Sql, names: readonly string[]): Promise<ReadonlySet<string>>;
  /** An HD Team's members and the rule it owns, as the people events have told. */
  team(sql: Sql, name: string): Promise<{ users: string[]; rule: string | null } | undefined>;
}
