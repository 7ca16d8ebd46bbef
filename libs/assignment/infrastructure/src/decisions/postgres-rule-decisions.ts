import type { DecisionCause, RuleDecision, RuleDecisions } from '@helpdesk/assignment-application';
import type { Sql } from '@helpdesk/shared-event-store';

/** `assignment.rule_decision`: the outbox of decisions, keyed by the event that caused each. */
export class PostgresRuleDecisions implements RuleDecisions {
  async record(sql: Sql, decision: RuleDecision, cause: DecisionCause): Promise<void> {
    await sql.query(
      `INSERT INTO assignment.rule_decision
         (cause, ticket, rule, expected_assignees, cancel, assign, actor, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (cause) DO NOTHING`,
      [
        cause.eventId,
        decision.ticket,
        decision.rule,
        decision.expectedAssignees,
        decision.cancel,
        decision.assign,
        cause.actor,
        cause.correlationId,
      ],
    );
  }
}
