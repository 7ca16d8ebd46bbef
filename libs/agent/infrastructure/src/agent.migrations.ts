import { eventStoreMigration } from '@helpdesk/shared-event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AgentStatusEvents1763700002100 } from './people/agent-status-events.migration.js';
import { FieldLayouts1763700009100 } from './people/field-layout.migration.js';
import { PeopleDirectory1763700001700 } from './people/people-directory.migration.js';
import { People1763700001300 } from './people/people.migration.js';

export const AGENT_SCHEMA = 'agent';

/** Users with their roles and API key pairs; secrets are stored only as slow hashes. */
class Users1763700000200 implements MigrationInterface {
  name = 'Users1763700000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE agent.users (
      name text PRIMARY KEY,
      full_name text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      roles text[] NOT NULL DEFAULT '{}',
      api_key text UNIQUE,
      api_secret_hash text,
      creation timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE agent.users`);
  }
}

/** Login passwords, as slow hashes, and when each was set (sessions older than that are over). */
class UserPasswords1763700002300 implements MigrationInterface {
  name = 'UserPasswords1763700002300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE agent.users
      ADD COLUMN password_hash text,
      ADD COLUMN password_set_at timestamptz`);
    await runner.query(`CREATE INDEX users_email_lower ON agent.users (lower(email))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX agent.users_email_lower`);
    await runner.query(
      `ALTER TABLE agent.users DROP COLUMN password_hash, DROP COLUMN password_set_at`,
    );
  }
}

export const agentMigrations = [
  eventStoreMigration(AGENT_SCHEMA),
  Users1763700000200,
  People1763700001300,
  PeopleDirectory1763700001700,
  AgentStatusEvents1763700002100,
  UserPasswords1763700002300,
  FieldLayouts1763700009100,
];
