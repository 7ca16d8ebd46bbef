import { inTransaction, withConnection } from '@helpdesk/shared-event-store';
import type { RpcClient } from '@helpdesk/shared-messaging';
import {
  TicketSubjects,
  type AppliedRuleDecision,
  type ApplyAssignmentRuleDto,
} from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';

interface PendingDecision {
  seq: string;
  ticket: string;
  rule: string;
  expected_assignees: string[];
  cancel: string[];
  assign: string | null;
  actor: string;
  correlation_id: string | null;
}

/** Counts what became of sent decisions, for metrics and tests. */
export type DispatchOutcome = 'applied' | 'void';

/**
 * Sends a ticket's recorded decisions to ticket-service, oldest first, and marks each sent. The
 * ticket's pending rows stay locked while they are sent, so two replicas never send one
 * ticket's decisions out of order; a decision that fails stays pending and is sent again when
 * its event is redelivered. Sending twice is harmless: ticket-service applies a decision only
 * while the assignees are still the ones it was taken from.
 */
export class DecisionDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ticketService: RpcClient,
    private readonly onDispatched?: (outcome: DispatchOutcome) => void,
  ) {}

  async dispatchPending(ticket: number): Promise<void> {
    // Most events leave nothing to send; look before opening a locking transaction.
    const waiting = await withConnection(this.dataSource, (sql) =>
      sql.query(
        `SELECT 1 FROM assignment.rule_decision WHERE ticket = $1 AND dispatched_at IS NULL LIMIT 1`,
        [ticket],
      ),
    );
    if (waiting.rowCount === 0) return;
    await inTransaction(this.dataSource, async (sql) => {
      const { rows } = await sql.query<PendingDecision>(
        `SELECT seq, ticket, rule, expected_assignees, cancel, assign, actor, correlation_id
           FROM assignment.rule_decision
          WHERE ticket = $1 AND dispatched_at IS NULL
          ORDER BY seq
          FOR UPDATE`,
        [ticket],
      );
      for (const row of rows) {
        const { applied } = await this.send(row);
        await sql.query(
          `UPDATE assignment.rule_decision SET dispatched_at = now(), applied = $2 WHERE seq = $1`,
          [row.seq, applied],
        );
        this.onDispatched?.(applied ? 'applied' : 'void');
      }
    });
  }

  private send(row: PendingDecision): Promise<AppliedRuleDecision> {
    const body: ApplyAssignmentRuleDto = {
      ticket: Number(row.ticket),
      rule: row.rule,
      expectedAssignees: row.expected_assignees,
      cancel: row.cancel,
      assign: row.assign,
    };
    return this.ticketService.request<AppliedRuleDecision>(
      TicketSubjects.applyAssignmentRule,
      body,
      {
        actor: { user: row.actor, roles: [] },
        correlationId: row.correlation_id ?? `assignment-rule-${row.seq}`,
      },
    );
  }
}
