import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DashboardProjection1763700002700 } from './dashboard/dashboard.migration.js';

export const METRICS_SCHEMA = 'metrics';

/**
 * metrics-worker's copies: each ticket's conversation with the figures computed from it (and the
 * revision ticket-service has been sent), the SLA calendars and holiday lists from sla-service's
 * events, and the inbox of applied events.
 */
class ResponseMetrics1763700002600 implements MigrationInterface {
  name = 'ResponseMetrics1763700002600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE metrics.inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
    await runner.query(`CREATE TABLE metrics.ticket_conversation (
      ticket bigint PRIMARY KEY,
      messages jsonb NOT NULL DEFAULT '{}',
      moved_away jsonb NOT NULL DEFAULT '[]',
      sla text,
      sla_version integer NOT NULL DEFAULT 0,
      deleted boolean NOT NULL DEFAULT false,
      avg_response_time double precision,
      revision integer NOT NULL DEFAULT 0,
      sent_revision integer NOT NULL DEFAULT 0,
      computed_at timestamptz
    )`);
    await runner.query(
      `CREATE INDEX ticket_conversation_owed_idx ON metrics.ticket_conversation (ticket)
        WHERE revision > sent_revision AND NOT deleted`,
    );
    await runner.query(
      `CREATE INDEX ticket_conversation_sla_idx ON metrics.ticket_conversation (sla, ticket)
        WHERE NOT deleted`,
    );
    await runner.query(`CREATE TABLE metrics.sla_calendar (
      name text PRIMARY KEY,
      version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      time_zone text,
      working_hours jsonb NOT NULL DEFAULT '[]',
      holiday_list text
    )`);
    await runner.query(`CREATE TABLE metrics.holiday_list (
      name text PRIMARY KEY,
      version integer NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      dates jsonb NOT NULL DEFAULT '[]'
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE metrics.holiday_list, metrics.sla_calendar,
      metrics.ticket_conversation, metrics.inbox`);
  }
}

export const metricsMigrations: (new () => MigrationInterface)[] = [
  ResponseMetrics1763700002600,
  DashboardProjection1763700002700,
];
