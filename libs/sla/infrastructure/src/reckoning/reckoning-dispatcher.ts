import { inTransaction, withConnection } from '@helpdesk/shared-event-store';
import type { RpcClient } from '@helpdesk/shared-messaging';
import { TicketSubjects, type AppliedSla, type ApplySlaDto } from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';

interface OwedRow {
  ticket: string;
  based_on: number;
  payload: Pick<ApplySlaDto, 'fields' | 'defaultPriority'>;
  actor: string;
  correlation_id: string | null;
}

/** What became of a sent reckoning, for metrics and tests. */
export type ReckoningOutcome = 'applied' | 'unchanged';

/**
 * Sends a ticket's owed reckoning to ticket-service (`ticket.command.apply-sla`) and marks it
 * sent, holding the row's lock meanwhile: a newer reckoning recorded for the ticket waits for
 * the send to finish and is then owed in turn, so nothing is lost and a stale one never lands
 * after a newer one. A failed send stays owed; the sweep sends it again. Sending twice is
 * harmless: ticket-service applies only what differs, and nothing computed from an older
 * ticket version than the last it applied.
 */
export class ReckoningDispatcher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ticketService: RpcClient,
    private readonly onSent?: (outcome: ReckoningOutcome) => void,
  ) {}

  async dispatch(ticket: number): Promise<void> {
    // Most events leave nothing new to send; look before opening a locking transaction.
    const waiting = await withConnection(this.dataSource, (sql) =>
      sql.query(`SELECT 1 FROM sla.reckoning WHERE ticket = $1 AND pending`, [ticket]),
    );
    if (waiting.rowCount === 0) return;
    await inTransaction(this.dataSource, async (sql) => {
      const { rows } = await sql.query<OwedRow>(
        `SELECT ticket, based_on, payload, actor, correlation_id FROM sla.reckoning
          WHERE ticket = $1 AND pending FOR UPDATE`,
        [ticket],
      );
      const row = rows[0];
      if (!row) return;
      const { applied } = await this.send(row);
      await sql.query(
        `UPDATE sla.reckoning SET pending = false, sent_at = now() WHERE ticket = $1`,
        [ticket],
      );
      this.onSent?.(applied ? 'applied' : 'unchanged');
    });
  }

  /** Tickets still owed something (after a crash between commit and send); oldest first. */
  async owed(limit: number): Promise<number[]> {
    const { rows } = await withConnection(this.dataSource, (sql) =>
      sql.query<{ ticket: string }>(
        `SELECT ticket FROM sla.reckoning WHERE pending ORDER BY recorded_at LIMIT $1`,
        [limit],
      ),
    );
    return rows.map((row) => Number(row.ticket));
  }

  private send(row: OwedRow): Promise<AppliedSla> {
    const body: ApplySlaDto = {
      ticket: Number(row.ticket),
      basedOn: row.based_on,
      fields: row.payload.fields,
      ...(row.payload.defaultPriority ? { defaultPriority: row.payload.defaultPriority } : {}),
    };
    return this.ticketService.request<AppliedSla>(TicketSubjects.applySla, body, {
      actor: { user: row.actor, roles: [] },
      correlationId: row.correlation_id ?? `sla-${row.ticket}-${row.based_on}`,
    });
  }
}
