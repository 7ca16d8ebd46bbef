import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PostgresEventStore, withConnection } from '@helpdesk/shared-event-store';
import { parseCountParams } from '@helpdesk/shared-frappe-query';
import { OpenTicketHandler, TicketCommands } from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import { PostgresCatalogueReadModel } from './catalogue/postgres-catalogue-read-model.js';
import { HD_TICKET_META } from './doctype-meta/hd-ticket.meta.js';
import { FrappeListQueries } from './frappe-list-queries.js';
import { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import { rebuildTicketReadModel } from './rebuild-ticket-read-model.js';
import { SeedRandom } from './seed/seed-random.js';
import { seedTickets } from './seed/seed-tickets.js';
import {
  migratedTicketDatabase,
  type MigratedTicketDatabase,
} from './testing/migrated-ticket-database.js';
import { ticketCountsShortcut } from './ticket-counts-shortcut.js';
import { TICKET_SCHEMA } from './ticket.migrations.js';

const ZONE = 'Europe/Berlin';
const agent = { user: 'agent@example.com', roles: ['Agent'], correlationId: 'c-counts' };
const queryContext = () => ({ timeZone: ZONE, now: new Date() });

/** Values each counted field takes here, plus ones that match nothing and Frappe's empty value. */
const VALUES: Record<string, (string | null)[]> = {
  status: ['Open', 'Replied', 'Resolved', 'Closed', 'Paused', ''],
  status_category: ['Open', 'Paused', 'Resolved', ''],
  priority: ['Low', 'Medium', 'High', 'Urgent', '', null],
  ticket_type: ['Unspecified', 'Question', 'Bug', 'Incident', 'Nope'],
  agent_group: ['Billing', 'Product Experts', 'Nobody', '', null],
};
const FIELDS = Object.keys(VALUES);

function randomCondition(random: SeedRandom): [string, string, unknown] {
  const field = random.pick(FIELDS);
  const values = VALUES[field]!;
  switch (random.pick(['=', '!=', 'in', 'not in', 'is'])) {
    case 'is':
      return [field, 'is', random.pick(['set', 'not set'])];
    case 'in':
      return [field, 'in', [random.pick(values), random.pick(values)]];
    case 'not in':
      return [field, 'not in', [random.pick(values), random.pick(values)]];
    case '!=':
      return [field, '!=', random.pick(values)];
    default:
      return [field, '=', random.pick(values)];
  }
}

function randomParams(random: SeedRandom): Record<string, unknown> {
  const filters = Array.from({ length: random.below(4) }, () => randomCondition(random));
  const orFilters = random.next() < 0.3 ? [randomCondition(random), randomCondition(random)] : [];
  return { filters, or_filters: orFilters };
}

describe('ticket counts', () => {
  let db: MigratedTicketDatabase;
  let dataSource: DataSource;
  const store = new PostgresEventStore(TICKET_SCHEMA);
  const readModel = new PostgresTicketReadModel(ZONE);
  const exact = new FrappeListQueries(HD_TICKET_META, ZONE);
  let open: OpenTicketHandler;
  let commands: TicketCommands;

  before(async () => {
    db = await migratedTicketDatabase(8);
    dataSource = db.dataSource;
    await seedTickets(dataSource, store, readModel, {
      tickets: 300,
      batchSize: 40,
      concurrency: 2,
      seed: 7,
      timeZone: ZONE,
      until: new Date('2026-06-01T12:00:00Z'),
    });
    const catalogues = new PostgresCatalogueReadModel();
    open = new OpenTicketHandler({
      dataSource,
      store,
      readModel,
      catalogues,
      timeZone: ZONE,
      newId: randomUUID,
    });
    commands = new TicketCommands({ dataSource, store, readModel, catalogues });
  });

  after(() => db.close());

  const grouped = `status, status_category, priority, ticket_type, agent_group`;
  const countsByKey = () =>
    dataSource.query(
      `SELECT ${grouped}, sum(tickets)::int AS n FROM ticket.hd_ticket_counts
       GROUP BY ${grouped} HAVING sum(tickets) <> 0 ORDER BY ${grouped}`,
    );
  const rowsByKey = () =>
    dataSource.query(
      `SELECT ${grouped}, count(*)::int AS n FROM ticket.hd_ticket
       GROUP BY ${grouped} ORDER BY ${grouped}`,
    );

  /** Random filter combinations: the counts answer every one, with what count(*) says. */
  async function assertCountsAgree(seed: number): Promise<void> {
    assert.deepEqual(await countsByKey(), await rowsByKey());
    const random = new SeedRandom(seed, 0);
    await withConnection(dataSource, async (sql) => {
      for (let i = 0; i < 150; i++) {
        const params = randomParams(random);
        const fromRows = await exact.count(sql, params);
        const parsed = parseCountParams(params);
        const fromCounts = await ticketCountsShortcut.count(sql, parsed, queryContext());
        assert.equal(fromCounts, fromRows, JSON.stringify(params));
        assert.equal(await readModel.count(sql, params, agent), fromRows);
      }
    });
  }

  it('equal count(*) for random filter combinations after a bulk load', async () => {
    await assertCountsAgree(1);
  });

  it('follow status, priority and team changes, new tickets and deletions', async () => {
    const random = new SeedRandom(2, 0);
    const names = (await dataSource.query(
      `SELECT name::int AS name FROM ticket.hd_ticket ORDER BY name`,
    )) as { name: number }[];
    for (const { name } of names.slice(0, 60)) {
      await commands.update(
        name,
        {
          status: random.pick(['Open', 'Replied', 'Resolved', 'Closed']),
          priority: random.pick(['Low', 'Medium', 'High', 'Urgent']),
          agent_group: random.pick(['Billing', 'Product Experts', '']),
        },
        agent,
      );
    }
    for (const { name } of names.slice(60, 80)) await commands.delete(name, agent);
    for (let i = 0; i < 20; i++) {
      await open.execute(
        { subject: `New ${i}`, raised_by: 'new@example.com', priority: i % 2 ? 'High' : null },
        agent,
      );
    }
    await assertCountsAgree(3);
  });

  it('keep creation and opposite moves between the same keys going side by side', async () => {
    const names = (await dataSource.query(
      `SELECT name::int AS name FROM ticket.hd_ticket WHERE name % 8 = 0 ORDER BY name LIMIT 12`,
    )) as { name: number }[];
    await Promise.all(
      names.map(({ name }, i) =>
        commands.update(name, { status: i % 2 ? 'Open' : 'Replied' }, agent),
      ),
    );
    await Promise.all([
      ...names.map(({ name }, i) =>
        commands.update(name, { status: i % 2 ? 'Replied' : 'Open' }, agent),
      ),
      ...Array.from({ length: 12 }, (_, i) => open.execute({ subject: `Racing ${i}` }, agent)),
    ]);
    await assertCountsAgree(4);
  });

  it('leave filters on other fields, other operators and customers to count(*)', async () => {
    await withConnection(dataSource, async (sql) => {
      for (const filters of [
        [['customer', '=', 'Acme Labs']],
        [['status', 'like', 'Op%']],
        [['`tabHD Ticket`.`status`', '=', 'Open']],
        { status: 'Open', name: ['>', 10] },
      ]) {
        const params = { filters };
        const parsed = parseCountParams(params);
        assert.equal(await ticketCountsShortcut.count(sql, parsed, queryContext()), undefined);
        assert.equal(await readModel.count(sql, params, agent), await exact.count(sql, params));
      }
      const jane = { user: 'new@example.com', roles: ['HD Customer'], correlationId: 'c-jane' };
      const mine = { filters: [['status', '=', 'Open']] };
      assert.equal(
        await readModel.count(sql, mine, jane),
        await exact.count(sql, mine, {
          text: '(owner = $1 OR contact = $1 OR raised_by = $1)',
          values: [jane.user],
        }),
      );
    });
  });

  it('come back the same after a rebuild from the log', async () => {
    const before = await countsByKey();
    await rebuildTicketReadModel(dataSource, store, readModel, () => undefined, 37);
    assert.deepEqual(await countsByKey(), before);
    assert.deepEqual(await rowsByKey(), before);
  });
});
