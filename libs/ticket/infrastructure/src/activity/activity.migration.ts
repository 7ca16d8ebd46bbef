import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `hd_ticket_activity` (HD Ticket Activity: "set status to Replied", …) and `view_log` (who opened
 * a ticket, once per user), both projected from the ticket streams; and the ticket's `_seen`, the
 * JSON list of users who have seen it. `ticket` and `reference_name` are text, as Frappe's Link
 * columns are on the wire.
 */
export class TicketActivityAndViews1763700001300 implements MigrationInterface {
  name = 'TicketActivityAndViews1763700001300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.hd_ticket_activity (
      name text PRIMARY KEY,
      owner text NOT NULL,
      creation timestamptz NOT NULL,
      ticket text NOT NULL,
      action text NOT NULL,
      stream_version integer NOT NULL
    )`);
    await runner.query(
      `CREATE INDEX hd_ticket_activity_ticket ON ticket.hd_ticket_activity (ticket, creation)`,
    );
    await runner.query(`CREATE TABLE ticket.view_log (
      name text PRIMARY KEY,
      creation timestamptz NOT NULL,
      reference_doctype text NOT NULL,
      reference_name text NOT NULL,
      viewed_by text NOT NULL,
      UNIQUE (reference_doctype, reference_name, viewed_by)
    )`);
    await runner.query(`ALTER TABLE ticket.hd_ticket ADD COLUMN _seen jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ticket.hd_ticket DROP COLUMN _seen`);
    await runner.query(`DROP TABLE ticket.view_log`);
    await runner.query(`DROP TABLE ticket.hd_ticket_activity`);
  }
}
