import { randomUUID } from 'node:crypto';
import {
  inTransaction,
  withConnection,
  type NewStream,
  type PostgresEventStore,
} from '@helpdesk/shared-event-store';
import { CatalogueCommands, loadTicketLookups } from '@helpdesk/ticket-application';
import { CATALOGUE_SEEDS } from '@helpdesk/ticket-catalogue-domain';
import { ticketStreamId } from '@helpdesk/ticket-domain';
import type { DataSource } from 'typeorm';
import { PostgresCatalogueReadModel } from '../catalogue/postgres-catalogue-read-model.js';
import type { PostgresTicketReadModel } from '../postgres-ticket-read-model.js';
import { compactTicketCounts } from '../ticket-counts.js';
import { seedTicketEvents } from './seed-ticket-events.js';
import { planSeedTicket, type SeedSpread } from './seed-ticket-plan.js';

export interface SeedTicketsOptions {
  tickets: number;
  /** Tickets per transaction. */
  batchSize: number;
  /** Transactions in flight at once: one is built while another is written. */
  concurrency: number;
  seed: number;
  timeZone: string;
  until: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedTicketsResult {
  tickets: number;
  events: number;
}

/**
 * Loads a large, realistic set of tickets through the event store: each ticket's events are
 * decided by the domain, appended as a new stream, and projected into the read model and its
 * counts in the same transaction, so `rebuild` reproduces exactly what this writes.
 */
export async function seedTickets(
  dataSource: DataSource,
  store: PostgresEventStore,
  readModel: PostgresTicketReadModel,
  options: SeedTicketsOptions,
): Promise<SeedTicketsResult> {
  const catalogues = new PostgresCatalogueReadModel();
  await new CatalogueCommands(dataSource, store, catalogues).seed(CATALOGUE_SEEDS);
  const lookups = await withConnection(dataSource, (sql) => loadTicketLookups(sql, catalogues));
  const spread: SeedSpread = { seed: options.seed, total: options.tickets, until: options.until };
  const metadata = { actor: 'Administrator', correlationId: randomUUID() };
  const result: SeedTicketsResult = { tickets: 0, events: 0 };
  let nextBatch = 0;

  const writeBatch = async (first: number, size: number) => {
    const events = await inTransaction(dataSource, async (sql) => {
      const names = await readModel.nextNames(sql, size);
      const streams: NewStream[] = names.map((name, i) => ({
        streamId: ticketStreamId(name),
        events: seedTicketEvents(
          name,
          planSeedTicket(spread, first + i),
          lookups,
          options.timeZone,
        ).map((event) => ({ type: event.type, data: event.data, metadata })),
      }));
      const recorded = await store.appendNewStreams(sql, streams);
      await readModel.projectBatch(sql, recorded);
      return recorded.length;
    });
    result.tickets += size;
    result.events += events;
    options.onProgress?.(result.tickets, options.tickets);
  };

  const worker = async () => {
    while (nextBatch * options.batchSize < options.tickets) {
      const first = nextBatch * options.batchSize;
      nextBatch += 1;
      await writeBatch(first, Math.min(options.batchSize, options.tickets - first));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  // Fresh statistics (and the visibility map index-only scans need), so the first list queries
  // and log readers are planned for the new size rather than for an empty table. The opening
  // e-mails too: vacuum also moves their search index's pending entries into the index proper.
  await withConnection(dataSource, async (sql) => {
    await sql.query(`VACUUM (ANALYZE) ticket.hd_ticket`);
    await sql.query(`VACUUM (ANALYZE) ticket.communication`);
    await compactTicketCounts(sql);
    await sql.query(`ANALYZE ${store.schema}.events, ${store.schema}.streams`);
  });
  return result;
}
