import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `auto_close_timer`: the due time of the auto-close job each ticket has in BullMQ, so a moved
 * due time can remove the job it replaces (the job ids carry the due time). It only mirrors what
 * was scheduled: the jobs are rebuilt from `hd_ticket` and `communication` at every start.
 */
export class TicketAutoCloseTimers1763700001700 implements MigrationInterface {
  name = 'TicketAutoCloseTimers1763700001700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.auto_close_timer (
      ticket bigint PRIMARY KEY,
      due_at timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.auto_close_timer`);
  }
}
