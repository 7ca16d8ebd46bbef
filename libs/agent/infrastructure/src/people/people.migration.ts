import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models of agent-service's event-sourced people: the User document columns (the auth table
 * `agent.users` becomes the User projection), HD Agent, HD Team with its members, and the HD Agent
 * Status catalogue with Frappe's three seeded statuses.
 */
export class People1763700001300 implements MigrationInterface {
  name = 'People1763700001300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agent.users
      ADD COLUMN email text,
      ADD COLUMN first_name text,
      ADD COLUMN last_name text,
      ADD COLUMN user_type text NOT NULL DEFAULT 'System User',
      ADD COLUMN user_image text,
      ADD COLUMN time_zone text,
      ADD COLUMN owner text NOT NULL DEFAULT 'Administrator',
      ADD COLUMN modified_by text NOT NULL DEFAULT 'Administrator'`);
    await runner.query(`CREATE TABLE agent.hd_agent (
      name text PRIMARY KEY,
      "user" text NOT NULL,
      agent_name text NOT NULL,
      user_image text,
      is_active boolean NOT NULL,
      availability text,
      availability_changed_on timestamptz,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL
    )`);
    await runner.query(`CREATE TABLE agent.hd_team (
      name text PRIMARY KEY,
      team_name text NOT NULL,
      ignore_restrictions boolean NOT NULL,
      disabled boolean NOT NULL,
      assignment_rule text,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL
    )`);
    await runner.query(`CREATE TABLE agent.hd_team_member (
      parent text NOT NULL REFERENCES agent.hd_team (name) ON DELETE CASCADE,
      idx integer NOT NULL,
      "user" text NOT NULL,
      PRIMARY KEY (parent, "user")
    )`);
    await runner.query(`CREATE INDEX hd_team_member_user_idx ON agent.hd_team_member ("user")`);
    await runner.query(`CREATE TABLE agent.hd_agent_status (
      name text PRIMARY KEY,
      agent_status text NOT NULL,
      category text NOT NULL,
      color text NOT NULL,
      status_order integer NOT NULL,
      enable boolean NOT NULL,
      creation timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now(),
      modified_by text NOT NULL DEFAULT 'Administrator',
      owner text NOT NULL DEFAULT 'Administrator'
    )`);
    await runner.query(`INSERT INTO agent.hd_agent_status
      (name, agent_status, category, color, status_order, enable) VALUES
      ('Active', 'Active', 'Active', 'Green', 10, true),
      ('Away', 'Away', 'Away', 'Amber', 20, true),
      ('Unavailable', 'Unavailable', 'Unavailable', 'Red', 30, true)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DROP TABLE agent.hd_agent_status, agent.hd_team_member, agent.hd_team, agent.hd_agent`,
    );
    await runner.query(`ALTER TABLE agent.users
      DROP COLUMN email, DROP COLUMN first_name, DROP COLUMN last_name, DROP COLUMN user_type,
      DROP COLUMN user_image, DROP COLUMN time_zone, DROP COLUMN owner, DROP COLUMN modified_by`);
  }
}
