import { START_OF_LOG, type LogPosition } from './recorded-event.js';
import { assertIdentifier, type Sql } from './sql.js';

/** Where each subscriber of a schema's log has got to. */
export class Checkpoints {
  constructor(private readonly schema: string) {
    assertIdentifier(schema);
  }

  async read(sql: Sql, subscriber: string): Promise<LogPosition> {
    const result = await sql.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id::text, global_position::text FROM ${this.schema}.checkpoints WHERE subscriber = $1`,
      [subscriber],
    );
    const row = result.rows[0];
    return row
      ? { transactionId: row.transaction_id, globalPosition: row.global_position }
      : START_OF_LOG;
  }

  /** Moves forward only: a stale writer can never move a checkpoint back. */
  async store(sql: Sql, subscriber: string, position: LogPosition): Promise<void> {
    await sql.query(
      `INSERT INTO ${this.schema}.checkpoints (subscriber, transaction_id, global_position, updated_at)
       VALUES ($1, $2::xid8, $3::bigint, now())
       ON CONFLICT (subscriber) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id,
             global_position = EXCLUDED.global_position,
             updated_at = now()
         WHERE (${this.schema}.checkpoints.transaction_id, ${this.schema}.checkpoints.global_position)
             < (EXCLUDED.transaction_id, EXCLUDED.global_position)`,
      [subscriber, position.transactionId, position.globalPosition],
    );
  }
}
