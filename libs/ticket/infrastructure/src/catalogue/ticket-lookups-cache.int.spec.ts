import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresEventStore, runMigrations } from '@helpdesk/shared-event-store';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import { CatalogueCommands, OpenTicketHandler } from '@helpdesk/ticket-application';
import { CATALOGUE_SEEDS } from '@helpdesk/ticket-catalogue-domain';
import type { DataSource } from 'typeorm';
import { PostgresTicketReadModel } from '../postgres-ticket-read-model.js';
import { createTicketDataSource } from '../ticket-service.module.js';
import { TICKET_SCHEMA } from '../ticket.migrations.js';
import { PostgresCatalogueReadModel } from './postgres-catalogue-read-model.js';

const agent = { user: 'agent@example.com', roles: ['Agent'], correlationId: 'c-1' };
const manager = { user: 'Administrator', roles: ['Administrator'], correlationId: 'c-2' };

describe('cached catalogue lookups', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const store = new PostgresEventStore(TICKET_SCHEMA);

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createTicketDataSource({
      databaseUrl: db.url,
      databasePoolSize: 4,
    }).initialize();
    await runMigrations(dataSource, TICKET_SCHEMA);
    await new CatalogueCommands(dataSource, store, new PostgresCatalogueReadModel()).seed(
      CATALOGUE_SEEDS,
    );
  });

  after(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('a replica deciding with cached lookups sees a catalogue change made by another', async () => {
    const replica = new OpenTicketHandler({
      dataSource,
      store,
      readModel: new PostgresTicketReadModel('UTC'),
      catalogues: new PostgresCatalogueReadModel(),
      timeZone: 'UTC',
      newId: randomUUID,
    });
    const other = new CatalogueCommands(dataSource, store, new PostgresCatalogueReadModel());

    const first = await replica.execute({ subject: 'Before' }, agent);
    assert.equal(first.priority, 'Medium');

    await other.changeSettings({ default_priority: 'Low' }, manager);
    const afterSettings = await replica.execute({ subject: 'After settings' }, agent);
    assert.equal(afterSettings.priority, 'Low');

    await other.add('HD Ticket Priority', {}, manager, 'Critical');
    const withNewPriority = await replica.execute(
      { subject: 'New priority', priority: 'Critical' },
      agent,
    );
    assert.equal(withNewPriority.priority, 'Critical');
  });
});
