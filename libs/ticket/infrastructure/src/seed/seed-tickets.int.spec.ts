import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  inTransaction,
  PostgresEventStore,
  positionOf,
  START_OF_LOG,
} from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import { PostgresTicketReadModel } from '../postgres-ticket-read-model.js';
import {
  migratedTicketDatabase,
  type MigratedTicketDatabase,
} from '../testing/migrated-ticket-database.js';
import { TICKET_SCHEMA } from '../ticket.migrations.js';
import { seedTickets } from './seed-tickets.js';

const ZONE = 'America/New_York';

describe('seeding tickets', () => {
  let db: MigratedTicketDatabase;
  let dataSource: DataSource;
  const store = new PostgresEventStore(TICKET_SCHEMA);
  const readModel = new PostgresTicketReadModel(ZONE);

  before(async () => {
    db = await migratedTicketDatabase(4);
    dataSource = db.dataSource;
  });

  after(() => db.close());

  const query = <T>(text: string) => dataSource.query(text) as Promise<T[]>;
  const tickets = () => query(`SELECT * FROM ticket.hd_ticket ORDER BY name`);
  const counts = () =>
    query(`SELECT * FROM ticket.hd_ticket_counts WHERE tickets <> 0 ORDER BY 1, 2, 3, 4, 5, 6`);

  it('writes every ticket as a stream of domain events, spread like a real helpdesk', async () => {
    const progress: number[] = [];
    const result = await seedTickets(dataSource, store, readModel, {
      tickets: 400,
      batchSize: 70,
      concurrency: 2,
      seed: 11,
      timeZone: ZONE,
      until: new Date('2026-03-01T00:00:00Z'),
      onProgress: (done) => progress.push(done),
    });
    assert.equal(result.tickets, 400);
    assert.equal(progress.at(-1), 400);
    const [streams] = await query<{ opened: number; events: number }>(
      `SELECT count(*) FILTER (WHERE stream_version = 1 AND event_type = 'TicketOpened')::int
                AS opened,
              count(*)::int AS events
       FROM ticket.events WHERE stream_id LIKE 'ticket-%'`,
    );
    assert.deepEqual(streams, { opened: 400, events: result.events });

    const spread = await query<Record<string, string[] | number>>(
      `SELECT array_agg(DISTINCT status ORDER BY status) AS statuses,
              array_agg(DISTINCT priority ORDER BY priority) AS priorities,
              array_agg(DISTINCT ticket_type ORDER BY ticket_type) AS types,
              array_agg(DISTINCT coalesce(agent_group, '-') ORDER BY coalesce(agent_group, '-'))
                AS teams,
              count(DISTINCT raised_by)::int AS raisers,
              count(*) FILTER (WHERE modified > creation)::int AS changed,
              count(*) FILTER (WHERE creation < '2024-03-01' OR modified > '2026-03-01')::int
                AS outside
       FROM ticket.hd_ticket`,
    );
    assert.deepEqual(spread[0], {
      statuses: ['Closed', 'Open', 'Replied', 'Resolved'],
      priorities: ['High', 'Low', 'Medium', 'Urgent'],
      types: ['Bug', 'Incident', 'Question', 'Unspecified'],
      teams: ['-', 'Billing', 'Product Experts'],
      raisers: spread[0]?.raisers,
      changed: spread[0]?.changed,
      outside: 0,
    });
    assert.ok((spread[0]?.raisers as number) > 150);
    assert.ok((spread[0]?.changed as number) > 150);
    const [{ messages }] = (await query(
      `SELECT count(*)::int AS messages FROM ticket.communication`,
    )) as [{ messages: number }];
    assert.equal(messages, 400);
  });

  it('leaves exactly the rows and counts that projecting each event in turn leaves', async () => {
    const seeded = { rows: await tickets(), counts: await counts() };
    await inTransaction(dataSource, async (sql) => {
      await sql.query(`DELETE FROM ticket.hd_ticket`);
      await sql.query(`DELETE FROM ticket.hd_ticket_counts`);
      for (let position = START_OF_LOG; ;) {
        const events = await store.readAllVisible(sql, position, 50, 'ticket-');
        if (events.length === 0) break;
        for (const event of events) await readModel.project(sql, [event]);
        position = positionOf(events.at(-1)!);
      }
    });
    assert.deepEqual(await tickets(), seeded.rows);
    assert.deepEqual(await counts(), seeded.counts);
  });
});
