import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from './concurrency-error.js';
import type {
  EventMetadata,
  LogPosition,
  NewEvent,
  NewStream,
  RecordedEvent,
} from './recorded-event.js';
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

  /**
   * Creates many new streams at once (expected version 0 for every one) with multi-row INSERTs:
   * the bulk path for imports. Same guarantees as `appendToStream`: any stream that already
   * exists, or is named twice, makes the whole call throw `ConcurrencyError`; events get
   * positions in the order given, the caller's transaction id, and one NOTIFY wakes publishers.
   * The events travel as one JSON document and come back without their payload: `data` and
   * `metadata` of the result are the objects given, which is what was stored as JSON.
   */
  async appendNewStreams(sql: Sql, streams: NewStream[]): Promise<RecordedEvent[]> {
    const nonEmpty = streams.filter((stream) => stream.events.length > 0);
    if (nonEmpty.length === 0) return [];
    const claimed = await sql.query<{ stream_id: string }>(
      `INSERT INTO ${this.schema}.streams (stream_id, version)
       SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT DO NOTHING
       RETURNING stream_id`,
      [nonEmpty.map((s) => s.streamId), nonEmpty.map((s) => s.events.length)],
    );
    if (claimed.rowCount !== nonEmpty.length) {
      const won = new Set(claimed.rows.map((row) => row.stream_id));
      const lost = nonEmpty.find((s) => !won.delete(s.streamId));
      throw new ConcurrencyError(lost?.streamId ?? '', 0);
    }

    // By event id as Postgres prints a uuid: lower case.
    const given = new Map<string, NewEvent>();
    const rows = nonEmpty.flatMap((s) =>
      s.events.map((event, i) => {
        const eventId = event.eventId ?? randomUUID();
        given.set(eventId.toLowerCase(), event);
        return {
          stream_id: s.streamId,
          stream_version: i + 1,
          event_id: eventId,
          event_type: event.type,
          schema_version: event.schemaVersion ?? 1,
          data: event.data,
          metadata: event.metadata ?? {},
        };
      }),
    );
    const inserted = await sql.query<Omit<EventRow, 'data' | 'metadata'>>(
      `INSERT INTO ${this.schema}.events
         (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
       SELECT e.stream_id, e.stream_version, e.event_id, e.event_type, e.schema_version,
              e.data, e.metadata
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (stream_id text, stream_version int,
              event_id uuid, event_type text, schema_version int, data jsonb, metadata jsonb))
         WITH ORDINALITY AS e(stream_id, stream_version, event_id, event_type, schema_version,
              data, metadata, n)
       ORDER BY e.n
       RETURNING global_position::text AS global_position, transaction_id::text AS transaction_id,
                 stream_id, stream_version, event_id, event_type, schema_version, recorded_at`,
      [JSON.stringify(rows)],
    );
    await sql.query(`SELECT pg_notify($1, '')`, [this.notifyChannel]);
    return inserted.rows
      .map((row) => {
        const event = given.get(row.event_id);
        return toRecorded({
          ...row,
          data: event?.data as Record<string, unknown>,
          metadata: event?.metadata ?? {},
        });
      })
      .sort(byGlobalPosition);
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

/** Positions are decimal text without leading zeros: shorter is smaller, then digit by digit. */
function byGlobalPosition(a: RecordedEvent, b: RecordedEvent): number {
  const x = a.globalPosition;
  const y = b.globalPosition;
  return x.length - y.length || (x < y ? -1 : x > y ? 1 : 0);
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
