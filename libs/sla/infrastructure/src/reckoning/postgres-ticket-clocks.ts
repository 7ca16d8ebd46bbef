import type { Sql } from '@helpdesk/shared-event-store';
import type {
  Reckoning,
  ReckoningCause,
  TicketClock,
  TicketClocks,
} from '@helpdesk/sla-application';

interface ClockRow {
  ticket: string;
  version: number;
  opened_at: Date;
  fields: TicketClock['fields'];
  facts: TicketClock['facts'];
}

/** `sla.ticket_clock` and `sla.reckoning`. */
export class PostgresTicketClocks implements TicketClocks {
  async lock(sql: Sql, ticket: number): Promise<TicketClock | undefined> {
    const { rows } = await sql.query<ClockRow>(
      `SELECT ticket, version, opened_at, fields, facts FROM sla.ticket_clock
        WHERE ticket = $1 FOR UPDATE`,
      [ticket],
    );
    const row = rows[0];
    return (
      row && {
        ticket: Number(row.ticket),
        version: row.version,
        openedAt: row.opened_at.toISOString(),
        fields: row.fields,
        facts: row.facts,
      }
    );
  }

  async save(sql: Sql, clock: TicketClock, reckoning?: Reckoning | null): Promise<void> {
    const open = clock.fields.status_category !== 'Resolved';
    const values = [
      clock.ticket,
      clock.version,
      clock.openedAt,
      JSON.stringify(clock.fields),
      clock.facts === null ? null : JSON.stringify(clock.facts),
      open,
    ];
    if (reckoning === undefined) {
      await sql.query(
        `INSERT INTO sla.ticket_clock (ticket, version, opened_at, fields, facts, open)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (ticket) DO UPDATE
           SET version = $2, fields = $4, facts = $5, open = $6`,
        values,
      );
      return;
    }
    await sql.query(
      `INSERT INTO sla.ticket_clock (ticket, version, opened_at, fields, facts, open, sla, fails_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (ticket) DO UPDATE
         SET version = $2, fields = $4, facts = $5, open = $6, sla = $7, fails_at = $8`,
      [...values, reckoning?.fields.sla ?? null, reckoning?.failsAt ?? null],
    );
  }

  async remove(sql: Sql, ticket: number, version: number): Promise<void> {
    await sql.query(
      `UPDATE sla.ticket_clock SET version = $2, deleted = true, open = false, fails_at = NULL
        WHERE ticket = $1`,
      [ticket, version],
    );
  }

  async owe(
    sql: Sql,
    ticket: number,
    basedOn: number,
    reckoning: Reckoning,
    cause: ReckoningCause,
  ): Promise<boolean> {
    const payload = JSON.stringify({
      fields: reckoning.fields,
      defaultPriority: reckoning.defaultPriority,
    });
    const { rowCount } = await sql.query(
      `INSERT INTO sla.reckoning (ticket, based_on, payload, actor, correlation_id, pending)
       VALUES ($1, $2, $3, $4, $5, true)
       ON CONFLICT (ticket) DO UPDATE
         SET based_on = GREATEST(sla.reckoning.based_on, $2), payload = $3, actor = $4,
             correlation_id = $5, pending = true, recorded_at = now()
         WHERE sla.reckoning.payload IS DISTINCT FROM $3::jsonb`,
      [ticket, basedOn, payload, cause.actor, cause.correlationId],
    );
    return (rowCount ?? 0) > 0;
  }
}
