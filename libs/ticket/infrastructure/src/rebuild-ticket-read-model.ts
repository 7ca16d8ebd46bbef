import {
  inTransaction,
  positionOf,
  START_OF_LOG,
  withConnection,
  type PostgresEventStore,
} from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import type { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import { compactTicketCounts } from './ticket-counts.js';
import { SIDE_TABLES } from './ticket-side-projections.js';

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Drops every `hd_ticket` row and its counts and replays the whole log into them. The log is the
 * truth: what comes back must equal what was there. Runs in one transaction so readers never see
 * a half-built table; pages go through the batched projection, which leaves what `project` would.
 */
export async function rebuildTicketReadModel(
  dataSource: DataSource,
  store: PostgresEventStore,
  readModel: PostgresTicketReadModel,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 1_000,
): Promise<number> {
  const total = await withConnection(dataSource, async (sql) => {
    // Without statistics (after a bulk load) the page query below sorts the whole log each time
    // instead of walking the commit-order index.
    await sql.query(`ANALYZE ${store.schema}.events`);
    const { rows } = await sql.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM ${store.schema}.events WHERE stream_id LIKE 'ticket-%'`,
    );
    return Number(rows[0]?.count ?? 0);
  });
  const replayed = await inTransaction(dataSource, async (sql) => {
    // Writers project inside their append transaction, so once this lock is held every
    // committed event is visible and every uncommitted one will project itself after we commit.
    await sql.query(`LOCK TABLE ticket.hd_ticket IN EXCLUSIVE MODE`);
    await sql.query(`DELETE FROM ticket.hd_ticket`);
    await sql.query(`DELETE FROM ticket.hd_ticket_counts`);
    for (const table of SIDE_TABLES) await sql.query(`DELETE FROM ${table}`);
    let position = START_OF_LOG;
    let done = 0;
    for (;;) {
      const events = await store.readAllVisible(sql, position, batchSize, 'ticket-');
      const last = events.at(-1);
      if (!last) break;
      await readModel.projectBatch(sql, events);
      position = positionOf(last);
      done += events.length;
      onProgress({ done, total: Math.max(total, done) });
    }
    return done;
  });
  // Every row was replaced: reclaim the old versions now rather than when autovacuum gets there.
  await withConnection(dataSource, async (sql) => {
    await sql.query(`VACUUM (ANALYZE) ticket.hd_ticket`);
    await compactTicketCounts(sql);
  });
  return replayed;
}
