import { inTransaction, withConnection } from '@helpdesk/shared-event-store';
import type { RpcClient } from '@helpdesk/shared-messaging';
import {
  TicketSubjects,
  type AppliedResponseMetrics,
  type ApplyResponseMetricsDto,
} from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';

interface OwedRow {
  revision: number;
  avg_response_time: number | null;
}

/** What became of sent figures, for metrics and tests. */
export type DispatchOutcome = 'applied' | 'unchanged';

/**
 * Sends a ticket's figures to ticket-service (`ticket.command.apply-response-metrics`) when its
 * revision is ahead of the last one sent, holding the row's lock meanwhile: a newer change waits
 * for the send and is then owed in turn, so the latest figures always land last. A failed send
 * stays owed; the job's retry or the sweep sends it again, and sending twice is harmless.
 */
export class ResponseMetricsDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ticketService: RpcClient,
    private readonly onSent?: (outcome: DispatchOutcome) => void,
  ) {}

  async dispatch(ticket: number): Promise<void> {
    await inTransaction(this.dataSource, async (sql) => {
      const { rows } = await sql.query<OwedRow>(
        `SELECT revision, avg_response_time FROM metrics.ticket_conversation
          WHERE ticket = $1 AND revision > sent_revision AND NOT deleted FOR UPDATE`,
        [ticket],
      );
      const row = rows[0];
      if (!row) return;
      const body: ApplyResponseMetricsDto = {
        ticket,
        revision: row.revision,
        fields: { avg_response_time: row.avg_response_time },
      };
      const { applied } = await this.ticketService.request<AppliedResponseMetrics>(
        TicketSubjects.applyResponseMetrics,
        body,
        {
          actor: { user: 'Administrator', roles: [] },
          correlationId: `metrics-${ticket}-${row.revision}`,
        },
      );
      await sql.query(
        `UPDATE metrics.ticket_conversation SET sent_revision = $2 WHERE ticket = $1`,
        [ticket, row.revision],
      );
      this.onSent?.(applied ? 'applied' : 'unchanged');
    });
  }

  /** Tickets whose figures are still owed (after a crash between commit and send). */
  async owed(limit: number): Promise<number[]> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ ticket: string }>(
        `SELECT ticket FROM metrics.ticket_conversation
          WHERE revision > sent_revision AND NOT deleted ORDER BY ticket LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((row) => Number(row.ticket));
  }
}
