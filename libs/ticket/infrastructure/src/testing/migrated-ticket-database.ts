import { runMigrations } from '@helpdesk/shared-event-store';
import { createTestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { createTicketDataSource } from '../ticket-service.module.js';
import { TICKET_SCHEMA } from '../ticket.migrations.js';

export interface MigratedTicketDatabase {
  dataSource: DataSource;
  /** Closes the pool and drops the database. */
  close(): Promise<void>;
}

/** A brand-new database with the ticket schema migrated, for one integration test file. */
export async function migratedTicketDatabase(poolSize: number): Promise<MigratedTicketDatabase> {
  const db = await createTestDatabase();
  const dataSource = await createTicketDataSource({
    databaseUrl: db.url,
    databasePoolSize: poolSize,
  }).initialize();
  await runMigrations(dataSource, TICKET_SCHEMA);
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await db.drop();
    },
  };
}
