import type { Sql } from '@helpdesk/shared-event-store';
import type { RuleDecision } from './rule-pass.js';
import type { TicketCopy } from './ticket-copy.js';

/** assignment-rule-service's copy of each ticket, read locked for the event being applied. */
export interface TicketCopies {
  lock(sql: Sql, name: number): Promise<TicketCopy | undefined>;
  save(sql: Sql, copy: TicketCopy): Promise<void>;
  remove(sql: Sql, name: number): Promise<void>;
}

/** Who a decision acts for and what caused it (the ticket event's id). */
export interface DecisionCause {
  eventId: string;
  actor: string;
  correlationId: string | null;
}

/** Decisions owed to ticket-service, recorded with the event that caused them. */
export interface RuleDecisions {
  record(sql: Sql, decision: RuleDecision, cause: DecisionCause): Promise<void>;
}
