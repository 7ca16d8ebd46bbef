import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ticket-service's projection of agent-service's people: users, HD Agents, Contacts, customer
 * memberships and teams. Fed only by agent-service's published events; used for avatars, the
 * contact card, customer linking and row-level visibility.
 */
export class TicketPeople1763700001200 implements MigrationInterface {
  name = 'TicketPeople1763700001200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket.people_user (
      name text PRIMARY KEY,
      full_name text,
      user_image text,
      enabled boolean NOT NULL DEFAULT true,
      roles text[] NOT NULL DEFAULT '{}'
    )`);
    await runner.query(`CREATE TABLE ticket.people_agent (
      name text PRIMARY KEY,
      agent_name text NOT NULL,
      user_image text,
      is_active boolean NOT NULL DEFAULT true,
      availability text,
      availability_changed_on timestamptz
    )`);
    await runner.query(`CREATE TABLE ticket.people_contact (
      name text PRIMARY KEY,
      full_name text,
      email_id text,
      phone text,
      mobile_no text,
      image text,
      company_name text,
      user_id text
    )`);
    await runner.query(`CREATE INDEX people_contact_email_idx ON ticket.people_contact (email_id)`);
    await runner.query(`CREATE INDEX people_contact_user_idx ON ticket.people_contact (user_id)`);
    await runner.query(`CREATE TABLE ticket.people_customer_member (
      customer text NOT NULL,
      contact text NOT NULL,
      is_manager boolean NOT NULL DEFAULT false,
      PRIMARY KEY (customer, contact)
    )`);
    await runner.query(
      `CREATE INDEX people_customer_member_contact_idx ON ticket.people_customer_member (contact)`,
    );
    await runner.query(`CREATE TABLE ticket.people_team (
      name text PRIMARY KEY,
      ignore_restrictions boolean NOT NULL DEFAULT false,
      disabled boolean NOT NULL DEFAULT false
    )`);
    await runner.query(`CREATE TABLE ticket.people_team_member (
      team text NOT NULL,
      user_id text NOT NULL,
      PRIMARY KEY (team, user_id)
    )`);
    await runner.query(
      `CREATE INDEX people_team_member_user_idx ON ticket.people_team_member (user_id)`,
    );
    // The last version of each agent-service document applied here: events apply in order, once.
    await runner.query(`CREATE TABLE ticket.people_version (
      doctype text NOT NULL,
      name text NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (doctype, name)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'version',
      'team_member',
      'team',
      'customer_member',
      'contact',
      'agent',
      'user',
    ])
      await runner.query(`DROP TABLE ticket.people_${table}`);
  }
}
