import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresEventStore, runMigrations, withConnection } from '@helpdesk/shared-event-store';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import {
  CatalogueCommands,
  GetTicketHandler,
  OpenTicketHandler,
} from '@helpdesk/ticket-application';
import { CATALOGUE_SEEDS } from '@helpdesk/ticket-catalogue-domain';
import type { DataSource } from 'typeorm';
import { PostgresCatalogueReadModel } from './catalogue/postgres-catalogue-read-model.js';
import { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import { rebuildTicketReadModel } from './rebuild-ticket-read-model.js';
import { toTicketEventV1 } from './ticket-integration-events.js';
import { createTicketDataSource } from './ticket-service.module.js';
import { TICKET_SCHEMA } from './ticket.migrations.js';

const context = { user: 'agent@example.com', roles: ['Agent'], correlationId: 'c-1' };

describe('ticket read model', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const store = new PostgresEventStore(TICKET_SCHEMA);
  const readModel = new PostgresTicketReadModel('Europe/Berlin');
  let open: OpenTicketHandler;

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createTicketDataSource({
      databaseUrl: db.url,
      databasePoolSize: 8,
    }).initialize();
    await runMigrations(dataSource, TICKET_SCHEMA);
    await new CatalogueCommands(dataSource, store, new PostgresCatalogueReadModel()).seed(
      CATALOGUE_SEEDS,
    );
    open = new OpenTicketHandler({
      dataSource,
      store,
      readModel,
      catalogues: new PostgresCatalogueReadModel(),
      timeZone: 'Europe/Berlin',
      newId: randomUUID,
    });
  });

  after(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const rows = () =>
    dataSource.query(`SELECT * FROM ticket.hd_ticket ORDER BY name`) as Promise<
      Record<string, unknown>[]
    >;

  const replies = () =>
    dataSource.query(`SELECT * FROM ticket.communication ORDER BY name`) as Promise<
      Record<string, unknown>[]
    >;

  it('writes the row in the same transaction as the event, so the reply reads its own write', async () => {
    const document = await open.execute(
      { subject: 'Read my write', raised_by: 'a@example.com' },
      context,
    );
    const events = await withConnection(dataSource, (sql) =>
      store.readStream(sql, `ticket-${document.name}`),
    );
    assert.deepEqual(
      events.map((e) => e.type),
      ['TicketOpened'],
    );
    assert.equal(events[0]?.metadata.correlationId, 'c-1');
    assert.equal(document.subject, 'Read my write');
  });

  it('comes back identical when dropped and rebuilt from the log', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        open.execute(
          { subject: `Ticket ${i}`, priority: i % 2 ? 'High' : null, description: `<p>${i}</p>` },
          context,
        ),
      ),
    );
    const original = await rows();
    assert.equal(original.length, 41);
    const originalReplies = await replies();
    assert.equal(originalReplies.length, 40, 'each description is the first Communication');
    await dataSource.query(`DELETE FROM ticket.hd_ticket`);
    await dataSource.query(`DELETE FROM ticket.communication`);
    assert.equal((await rows()).length, 0);

    const progress: number[] = [];
    const replayed = await rebuildTicketReadModel(
      dataSource,
      store,
      readModel,
      ({ done }) => progress.push(done),
      7,
    );
    const events = 41 + 40;
    assert.equal(replayed, events);
    assert.deepEqual(progress.at(-1), events);
    assert.deepEqual(await rows(), original);
    assert.deepEqual(await replies(), originalReplies);
  });

  it('maps the internal event to the public v1 contract explicitly', async () => {
    const [event] = await withConnection(dataSource, (sql) => store.readStream(sql, 'ticket-1'));
    const contract = toTicketEventV1(event!);
    assert.equal(contract.type, 'helpdesk.ticket.v1.opened');
    assert.equal(contract.id, event!.eventId);
    assert.equal(contract.ticket, 1);
    assert.equal(contract.ticketVersion, 1);
    assert.deepEqual(Object.keys(contract.data).sort(), [
      'agent_group',
      'contact',
      'customer',
      'description',
      'opened_by',
      'opening_date',
      'priority',
      'raised_by',
      'status',
      'status_category',
      'subject',
      'ticket_type',
      'via_customer_portal',
    ]);
  });

  it('shows a customer only the tickets they raised, own or are the contact of', async () => {
    const jane = { user: 'jane@customer.example', roles: ['HD Customer'], correlationId: 'c-3' };
    const mine = await open.execute(
      { subject: 'Mine', raised_by: 'jane@customer.example' },
      context,
    );
    const theirs = await open.execute(
      { subject: 'Theirs', raised_by: 'omar@other.example' },
      context,
    );
    const read = new GetTicketHandler(dataSource, readModel);
    const listed = (await read.list({ fields: ['name'], limit_page_length: 0 }, jane)) as {
      name: number;
    }[];
    assert.deepEqual(
      listed.map((t) => t.name),
      [mine.name],
    );
    assert.equal(await read.count({}, jane), 1);
    assert.equal((await read.execute(mine.name, jane)).subject, 'Mine');
    await assert.rejects(
      read.execute(theirs.name, jane),
      (error: Error) => error.name === 'PermissionError',
    );
    const agent = { user: 'agent@example.com', roles: ['Agent'], correlationId: 'c-4' };
    assert.ok((await read.count({}, agent)) >= 2);
  });

  it('refuses a guest without writing anything', async () => {
    const before = await rows();
    await assert.rejects(
      open.execute({ subject: 'guest' }, { user: 'Guest', roles: ['Guest'], correlationId: 'c-2' }),
      (error: Error) => error.name === 'PermissionError',
    );
    assert.deepEqual(await rows(), before);
  });
});
