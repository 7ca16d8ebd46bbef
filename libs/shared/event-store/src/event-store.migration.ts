import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertIdentifier } from './sql.js';

type MigrationClass = new () => MigrationInterface;

/**
 * Event store tables for one service's schema: the log, stream versions for optimistic
 * concurrency, subscriber checkpoints, and the inbox consumers use to apply each event once.
 */
export function eventStoreMigration(schema: string): MigrationClass {
  const s = assertIdentifier(schema);
  return class EventStore1763700000000 implements MigrationInterface {
    name = 'EventStore1763700000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE TABLE ${s}.streams (
        stream_id text PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0)
      )`);
      await runner.query(`CREATE TABLE ${s}.events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version integer NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        schema_version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (stream_id, stream_version)
      )`);
      await runner.query(
        `CREATE INDEX events_commit_order_idx ON ${s}.events (transaction_id, global_position)`,
      );
      await runner.query(`CREATE TABLE ${s}.checkpoints (
        subscriber text PRIMARY KEY,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
      await runner.query(`CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${s}.inbox, ${s}.checkpoints, ${s}.events, ${s}.streams`);
    }
  };
}
