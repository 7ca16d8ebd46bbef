import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The remaining HD Ticket fields of frappe-api §1.1.2, so every one is stored and served. */
export class TicketAllFields1763700000400 implements MigrationInterface {
  name = 'TicketAllFields1763700000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ticket.hd_ticket
      ADD COLUMN ticket_split_from bigint,
      ADD COLUMN template text,
      ADD COLUMN service_level_agreement_creation timestamptz,
      ADD COLUMN on_hold_since timestamptz,
      ADD COLUMN total_hold_time double precision,
      ADD COLUMN opening_time time,
      ADD COLUMN user_resolution_time double precision,
      ADD COLUMN email_account text,
      ADD COLUMN attachment text,
      ADD COLUMN content_type text,
      ADD COLUMN summary text,
      ADD COLUMN is_merged boolean NOT NULL DEFAULT false,
      ADD COLUMN merged_with bigint,
      ADD COLUMN raised_outside_working_hours boolean NOT NULL DEFAULT false,
      ADD COLUMN first_response_failed_by double precision,
      ADD COLUMN resolution_failed_by double precision`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ticket.hd_ticket
      DROP COLUMN ticket_split_from, DROP COLUMN template, DROP COLUMN service_level_agreement_creation,
      DROP COLUMN on_hold_since, DROP COLUMN total_hold_time, DROP COLUMN opening_time,
      DROP COLUMN user_resolution_time, DROP COLUMN email_account, DROP COLUMN attachment,
      DROP COLUMN content_type, DROP COLUMN summary, DROP COLUMN is_merged, DROP COLUMN merged_with,
      DROP COLUMN raised_outside_working_hours, DROP COLUMN first_response_failed_by,
      DROP COLUMN resolution_failed_by`);
  }
}
