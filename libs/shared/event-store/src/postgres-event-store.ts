import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './concurrency-error.js';
import type { EventMetadata, LogPosition, NewEvent, RecordedEvent } from './recorded-event.js';
import { assertIdentifier, type Sql } from './sql.js';

interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  recorded_at: Date;
}

export interface AppendResult {
  nextExpectedVersion: number;
  events: RecordedEvent[];
}

// Positions leave as text (bigint and xid8 overflow JS numbers). ORDER BY must name the table's
// columns (`e.`), not these text aliases, or "10" sorts before "9".
function columns(table: string): string {
  return [
    `${table}.global_position::text AS global_position`,
    `${table}.transaction_id::text AS transaction_id`,
    ...[
      'stream_id',
      'stream_version',
      'event_id',
      'event_type',
      'schema_version',
      'data',
      'metadata',
      'recorded_at',
    ].map((column) => `${table}.${column}`),
  ].join(', ');
}
const COLUMNS = columns('e');

/**
 * Event store over one Postgres schema (ADR 0002). Every method takes the `Sql` to run on, so an
 * append and the read-model update it causes share one transaction.
 */
export class PostgresEventStore {
  readonly schema: string;

  constructor(schema: string) {
    this.schema = assertIdentifier(schema);
  }

  /** Channel NOTIFYed on every commit that appended events, to wake publishers. */
  get notifyChannel(): string {
    return `${this.schema}_events`;
  }

  /**
   * Appends events if and only if the stream is at `expectedVersion` (0: the stream must not
   * exist). A concurrent writer that got there first makes this throw `ConcurrencyError`.
   */
  async appendToStream(
    sql: Sql,
    streamId: string,
    expectedVersion: number,
    events: NewEvent[],
  ): Promise<AppendResult> {
    if (events.length === 0) return { nextExpectedVersion: expectedVersion, events: [] };
    const nextVersion = expectedVersion + events.length;
    const claimed =
      expectedVersion === 0
        ? await sql.query(
            `INSERT INTO ${this.schema}.streams (stream_id, version) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
            [streamId, nextVersion],
          )
        : await sql.query(
            `UPDATE ${this.schema}.streams SET version = $3 WHERE stream_id = $1 AND version = $2`,
            [streamId, expectedVersion, nextVersion],
          );
    if (claimed.rowCount !== 1) throw new ConcurrencyError(streamId, expectedVersion);

    const inserted = await sql.query<EventRow>(
      `INSERT INTO ${this.schema}.events
         (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
       SELECT $1, e.version, e.event_id, e.event_type, e.schema_version, e.data, e.metadata
       FROM unnest($2::int[], $3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
         AS e(version, event_id, event_type, schema_version, data, metadata)
       ORDER BY e.version
       RETURNING ${columns(`${this.schema}.events`)}`,
      [
        streamId,
        events.map((_, i) => expectedVersion + i + 1),
        events.map((e) => e.eventId ?? randomUUID()),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion ?? 1),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata ?? {})),
      ],
    );
    await sql.query(`SELECT pg_notify($1, '')`, [this.notifyChannel]);
    return { nextExpectedVersion: nextVersion, events: inserted.rows.map(toRecorded) };
  }

  async readStream(
    sql: Sql,
    streamId: string,
    options: { recordedUpTo?: Date } = {},
  ): Promise<RecordedEvent[]> {
    const result = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events e
       WHERE e.stream_id = $1 AND ($2::timestamptz IS NULL OR e.recorded_at <= $2)
       ORDER BY e.stream_version`,
      [streamId, options.recordedUpTo ?? null],
    );
    return result.rows.map(toRecorded);
  }

  /**
   * Committed events after `after`, in log order. Only transactions older than the oldest one
   * still in flight are visible, so an event whose transaction commits late is never skipped.
   */
  async readAllCommitted(sql: Sql, after: LogPosition, limit: number): Promise<RecordedEvent[]> {
    const result = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events e
       WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
         AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY e.transaction_id, e.global_position
       LIMIT $3`,
      [after.transactionId, after.globalPosition, limit],
    );
    return result.rows.map(toRecorded);
  }

  /**
   * Every event visible to the caller's transaction, in log order, with no in-flight horizon.
   * For rebuilds that hold a lock keeping writers of the projection out until they finish.
   */
  async readAllVisible(
    sql: Sql,
    after: LogPosition,
    limit: number,
    streamPrefix = '',
  ): Promise<RecordedEvent[]> {
    const result = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events e
       WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
         AND e.stream_id LIKE $4 || '%'
       ORDER BY e.transaction_id, e.global_position
       LIMIT $3`,
      [after.transactionId, after.globalPosition, limit, streamPrefix],
    );
    return result.rows.map(toRecorded);
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}
