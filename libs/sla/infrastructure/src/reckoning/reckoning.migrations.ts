import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each ticket's SLA clock (its fields and SLA facts from the ticket events, the SLA chosen, when
 * it would fail and the timer set for it) and the reckoning owed to ticket-service, one row per
 * ticket: a newer reckoning replaces an unsent older one.
 */
class TicketSlaClocks1763700002400 implements MigrationInterface {
  name = 'TicketSlaClocks1763700002400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE sla.ticket_clock (
      ticket bigint PRIMARY KEY,
      version integer NOT NULL,
      opened_at timestamptz NOT NULL,
      fields jsonb NOT NULL,
      facts jsonb,
      sla text,
      open boolean NOT NULL DEFAULT true,
      deleted boolean NOT NULL DEFAULT false,
      fails_at timestamptz,
      timer_at timestamptz
    )`);
    await runner.query(
      `CREATE INDEX ticket_clock_sla_idx ON sla.ticket_clock (sla, ticket) WHERE open AND NOT deleted`,
    );
    await runner.query(
      `CREATE INDEX ticket_clock_timer_idx ON sla.ticket_clock (ticket) WHERE fails_at IS NOT NULL`,
    );
    await runner.query(`CREATE TABLE sla.reckoning (
      ticket bigint PRIMARY KEY,
      based_on integer NOT NULL,
      payload jsonb NOT NULL,
      actor text NOT NULL,
      correlation_id text,
      pending boolean NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`);
    await runner.query(
      `CREATE INDEX reckoning_pending_idx ON sla.reckoning (ticket) WHERE pending`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE sla.reckoning, sla.ticket_clock`);
  }
}

export const RECKONING_MIGRATIONS: (new () => MigrationInterface)[] = [
  TicketSlaClocks1763700002400,
];
