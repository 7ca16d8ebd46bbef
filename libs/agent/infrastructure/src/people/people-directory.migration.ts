import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of Contacts (with their email and phone rows), HD Customers (with their members) and
 * User Invitations, plus the queue of mail a mailer would send (Frappe's Email Queue): invitation
 * links live there until sent, never in the event log or the read models.
 */
export class PeopleDirectory1763700001700 implements MigrationInterface {
  name = 'PeopleDirectory1763700001700';

  async up(runner: QueryRunner): Promise<void> {
    const stamps = `creation timestamptz NOT NULL, modified timestamptz NOT NULL,
      modified_by text NOT NULL, owner text NOT NULL`;
    await runner.query(`CREATE TABLE agent.contact (
      name text PRIMARY KEY,
      first_name text, last_name text, full_name text NOT NULL, company_name text, image text,
      email_id text, phone text, mobile_no text, "user" text,
      ${stamps}
    )`);
    await runner.query(`CREATE INDEX contact_email_idx ON agent.contact (email_id)`);
    await runner.query(`CREATE INDEX contact_user_idx ON agent.contact ("user")`);
    await runner.query(`CREATE TABLE agent.contact_email (
      parent text NOT NULL REFERENCES agent.contact (name) ON DELETE CASCADE,
      idx integer NOT NULL,
      email_id text NOT NULL,
      is_primary boolean NOT NULL,
      PRIMARY KEY (parent, idx)
    )`);
    await runner.query(`CREATE TABLE agent.contact_phone (
      parent text NOT NULL REFERENCES agent.contact (name) ON DELETE CASCADE,
      idx integer NOT NULL,
      phone text NOT NULL,
      is_primary_phone boolean NOT NULL,
      is_primary_mobile_no boolean NOT NULL,
      PRIMARY KEY (parent, idx)
    )`);
    await runner.query(`CREATE TABLE agent.hd_customer (
      name text PRIMARY KEY,
      customer_name text NOT NULL, customer_type text NOT NULL, domain text, image text,
      country text, primary_contact text, email_id text, mobile_no text,
      ${stamps}
    )`);
    await runner.query(`CREATE TABLE agent.hd_customer_member (
      parent text NOT NULL REFERENCES agent.hd_customer (name) ON DELETE CASCADE,
      idx integer NOT NULL,
      contact_name text NOT NULL,
      is_manager boolean NOT NULL,
      PRIMARY KEY (parent, contact_name)
    )`);
    await runner.query(
      `CREATE INDEX hd_customer_member_contact_idx ON agent.hd_customer_member (contact_name)`,
    );
    await runner.query(`CREATE TABLE agent.user_invitation (
      name text PRIMARY KEY,
      email text NOT NULL, roles text[] NOT NULL, app_name text NOT NULL,
      redirect_to_path text NOT NULL, status text NOT NULL, invited_by text NOT NULL,
      key_hash text UNIQUE, expires_at timestamptz NOT NULL, email_sent_at timestamptz NOT NULL,
      accepted_at timestamptz, "user" text, contact text, customer text,
      ${stamps}
    )`);
    await runner.query(
      `CREATE INDEX user_invitation_email_idx ON agent.user_invitation (email, app_name, status)`,
    );
    await runner.query(
      `CREATE INDEX user_invitation_customer_idx ON agent.user_invitation (customer)`,
    );
    await runner.query(
      `CREATE INDEX user_invitation_contact_idx ON agent.user_invitation (contact)`,
    );
    await runner.query(`CREATE TABLE agent.email_queue (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      recipient text NOT NULL,
      subject text NOT NULL,
      template text NOT NULL,
      args jsonb NOT NULL,
      reference_doctype text NOT NULL,
      reference_name text NOT NULL,
      status text NOT NULL DEFAULT 'Not Sent',
      creation timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(
      `CREATE INDEX email_queue_reference_idx ON agent.email_queue (reference_doctype, reference_name)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE agent.email_queue, agent.user_invitation,
      agent.hd_customer_member, agent.hd_customer, agent.contact_phone, agent.contact_email,
      agent.contact`);
  }
}
