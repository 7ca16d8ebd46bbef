import { eventStoreMigration } from '@helpdesk/shared-event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AgentStatusEvents1763700002100 } from './people/agent-status-events.migration.js';
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

export const agentMigrations = [
  eventStoreMigration(AGENT_SCHEMA),
  Users1763700000200,
  People1763700001300,
  PeopleDirectory1763700001700,
  AgentStatusEvents1763700002100,
];
