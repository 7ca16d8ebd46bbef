import type { MigrationInterface, QueryRunner } from 'typeorm';

const STANDARD = `owner text NOT NULL,
  creation timestamptz NOT NULL,
  modified timestamptz NOT NULL,
  modified_by text NOT NULL`;

/** Read models of the ticket catalogues and HD Settings (projected from their streams). */
export class TicketCatalogues1763700000300 implements MigrationInterface {
  name = 'TicketCatalogues1763700000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.hd_ticket_status (
      name text PRIMARY KEY, label_agent text NOT NULL, label_customer text,
      different_view boolean NOT NULL DEFAULT false, category text NOT NULL, color text,
      sort_order integer, enabled boolean NOT NULL DEFAULT true, ${STANDARD})`);
    await runner.query(`CREATE TABLE ticket.hd_ticket_priority (
      name text PRIMARY KEY, description text, level text NOT NULL,
      disabled boolean NOT NULL DEFAULT false, ${STANDARD})`);
    await runner.query(`CREATE TABLE ticket.hd_ticket_type (
      name text PRIMARY KEY, description text, priority text,
      is_system boolean NOT NULL DEFAULT false, disabled boolean NOT NULL DEFAULT false, ${STANDARD})`);
    await runner.query(`CREATE TABLE ticket.hd_ticket_feedback_option (
      name text PRIMARY KEY, label text NOT NULL, rating double precision NOT NULL,
      disabled boolean NOT NULL DEFAULT false, ${STANDARD})`);
    await runner.query(`CREATE TABLE ticket.hd_settings (
      name text PRIMARY KEY CHECK (name = 'HD Settings'), settings jsonb NOT NULL, ${STANDARD})`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.hd_settings, ticket.hd_ticket_feedback_option,
      ticket.hd_ticket_type, ticket.hd_ticket_priority, ticket.hd_ticket_status`);
  }
}
