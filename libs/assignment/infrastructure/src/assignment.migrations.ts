import { eventStoreMigration } from '@helpdesk/shared-event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AgentStatusCopies1763700002200 } from './people/agent-status-copies.migration.js';

export const ASSIGNMENT_SCHEMA = 'assignment';

/**
 * assignment-rule-service's own tables: the Assignment Rule read model, each rule's pointer
 * (Round Robin's `last_user`, Weighted Distribution's place), the copies of tickets and people it
 * decides from, and the decisions it owes ticket-service.
 */
class AssignmentRules1763700001400 implements MigrationInterface {
  name = 'AssignmentRules1763700001400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE assignment.assignment_rule (
      name text PRIMARY KEY,
      document_type text NOT NULL,
      description text NOT NULL,
      priority integer NOT NULL,
      disabled boolean NOT NULL,
      rule text NOT NULL,
      field text,
      due_date_based_on text,
      users jsonb NOT NULL,
      weighted_users jsonb NOT NULL,
      assignment_days jsonb NOT NULL,
      assign_condition text,
      unassign_condition text,
      close_condition text,
      assign_condition_json text,
      unassign_condition_json text,
      creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL
    )`);
    await runner.query(`CREATE TABLE assignment.rule_pointer (
      rule text PRIMARY KEY,
      last_user text,
      current_index integer NOT NULL DEFAULT 0
    )`);
    await runner.query(`CREATE TABLE assignment.ticket (
      name bigint PRIMARY KEY,
      version integer NOT NULL,
      fields jsonb NOT NULL,
      status_category text,
      assignments jsonb NOT NULL DEFAULT '[]',
      assignees text[] NOT NULL DEFAULT '{}'
    )`);
    await runner.query(`CREATE INDEX ticket_open_assignees_idx ON assignment.ticket
      USING gin (assignees) WHERE status_category IS DISTINCT FROM 'Resolved'`);
    await runner.query(`CREATE TABLE assignment.people_version (
      doctype text NOT NULL,
      name text NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (doctype, name)
    )`);
    await runner.query(`CREATE TABLE assignment.known_user (
      name text PRIMARY KEY,
      enabled boolean NOT NULL
    )`);
    await runner.query(`CREATE TABLE assignment.agent (
      name text PRIMARY KEY,
      is_active boolean NOT NULL,
      category text NOT NULL
    )`);
    await runner.query(`CREATE TABLE assignment.team (
      name text PRIMARY KEY,
      users text[] NOT NULL,
      disabled boolean NOT NULL,
      rule text
    )`);
    await runner.query(`CREATE TABLE assignment.rule_decision (
      seq bigserial PRIMARY KEY,
      cause text NOT NULL UNIQUE,
      ticket bigint NOT NULL,
      rule text NOT NULL,
      expected_assignees text[] NOT NULL,
      cancel text[] NOT NULL,
      assign text,
      actor text NOT NULL,
      correlation_id text,
      decided_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz,
      applied boolean
    )`);
    await runner.query(`CREATE INDEX rule_decision_pending_idx ON assignment.rule_decision (ticket, seq)
      WHERE dispatched_at IS NULL`);
    await runner.query(`CREATE TABLE assignment.team_rule_link (
      team text PRIMARY KEY,
      rule text NOT NULL,
      linked_at timestamptz
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE assignment.team_rule_link, assignment.rule_decision,
      assignment.team, assignment.agent, assignment.known_user, assignment.people_version,
      assignment.ticket, assignment.rule_pointer, assignment.assignment_rule`);
  }
}

export const assignmentMigrations = [
  eventStoreMigration(ASSIGNMENT_SCHEMA),
  AssignmentRules1763700001400,
  AgentStatusCopies1763700002200,
];
