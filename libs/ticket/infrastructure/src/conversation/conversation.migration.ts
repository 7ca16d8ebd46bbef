import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `communication` (Frappe's Communication, for HD Ticket replies) and `hd_ticket_comment`, both
 * projected from the ticket streams. `reference_name` / `reference_ticket` are text, as Frappe's
 * Dynamic Link and Link columns are on the wire.
 */
export class TicketConversations1763700000700 implements MigrationInterface {
  name = 'TicketConversations1763700000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.communication (
      name text PRIMARY KEY,
      owner text NOT NULL,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      subject text NOT NULL,
      content text NOT NULL,
      sender text NOT NULL,
      recipients text,
      cc text,
      bcc text,
      communication_type text NOT NULL,
      communication_medium text NOT NULL,
      sent_or_received text NOT NULL,
      email_status text NOT NULL,
      status text NOT NULL,
      email_account text,
      in_reply_to text,
      message_id text,
      communication_date timestamptz NOT NULL,
      delivery_status text,
      "user" text NOT NULL,
      reference_doctype text NOT NULL,
      reference_name text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]'
    )`);
    await runner.query(
      `CREATE INDEX communication_reference ON ticket.communication
         (reference_doctype, reference_name, communication_date)`,
    );
    await runner.query(`CREATE TABLE ticket.hd_ticket_comment (
      name text PRIMARY KEY,
      stream_version integer NOT NULL,
      owner text NOT NULL,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      reference_ticket text NOT NULL,
      commented_by text NOT NULL,
      content text NOT NULL,
      is_pinned boolean NOT NULL DEFAULT false,
      attachments jsonb NOT NULL DEFAULT '[]'
    )`);
    await runner.query(
      `CREATE INDEX hd_ticket_comment_reference ON ticket.hd_ticket_comment
         (reference_ticket, creation)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ticket.hd_ticket_comment`);
    await runner.query(`DROP TABLE ticket.communication`);
  }
}
