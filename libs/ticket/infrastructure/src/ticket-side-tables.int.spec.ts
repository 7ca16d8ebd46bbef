import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PostgresEventStore } from '@helpdesk/shared-event-store';
import {
  CatalogueCommands,
  OpenTicketHandler,
  TicketCommands,
  TicketMergeSplit,
} from '@helpdesk/ticket-application';
import { CATALOGUE_SEEDS } from '@helpdesk/ticket-catalogue-domain';
import type { DataSource } from 'typeorm';
import { TicketAgentHome1763700008300 } from './agent-home/agent-home.migration.js';
import { TicketAssignments1763700001500 } from './assignment/assignment.migration.js';
import { PostgresCatalogueReadModel } from './catalogue/postgres-catalogue-read-model.js';
import { PostgresConversationSource } from './conversation/postgres-conversation-source.js';
import { PostgresTicketReadModel } from './postgres-ticket-read-model.js';
import { rebuildTicketReadModel } from './rebuild-ticket-read-model.js';
import {
  migratedTicketDatabase,
  type MigratedTicketDatabase,
} from './testing/migrated-ticket-database.js';
import { SIDE_TABLES } from './ticket-side-projections.js';
import { TICKET_SCHEMA } from './ticket.migrations.js';

const ZONE = 'Europe/Berlin';
const agent = { user: 'agent@example.com', roles: ['Agent'], correlationId: 'c-1' };
const lee = { ...agent, user: 'lee@example.com' };
const customer = { user: 'jo@example.com', roles: [], correlationId: 'c-2' };

describe('tables projected beside hd_ticket', () => {
  let db: MigratedTicketDatabase;
  let dataSource: DataSource;
  const store = new PostgresEventStore(TICKET_SCHEMA);
  const readModel = new PostgresTicketReadModel(ZONE);
  const catalogues = new PostgresCatalogueReadModel();

  before(async () => {
    db = await migratedTicketDatabase(8);
    dataSource = db.dataSource;
    const settings = new CatalogueCommands(dataSource, store, catalogues);
    await settings.seed(CATALOGUE_SEEDS);
    await settings.changeSettings(
      { enable_comment_reactions: 1 },
      { ...agent, roles: ['System Manager'] },
    );
  });

  after(async () => {
    await db?.close();
  });

  /** Every side table, ordered, with its rows as Postgres returns them. */
  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {};
    for (const table of [...SIDE_TABLES, 'ticket.hd_ticket']) {
      tables[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`);
    }
    return tables;
  };

  it('come back identical after a rebuild, through merges, splits, reactions and views', async () => {
    const open = new OpenTicketHandler({
      dataSource,
      store,
      readModel,
      catalogues,
      timeZone: ZONE,
      newId: randomUUID,
    });
    const commands = new TicketCommands({
      dataSource,
      store,
      readModel,
      catalogues,
      timeZone: ZONE,
    });
    const mergeSplit = new TicketMergeSplit({
      dataSource,
      store,
      readModel,
      catalogues,
      conversations: new PostgresConversationSource(),
      newId: randomUUID,
      timeZone: ZONE,
    });
    const opened = [];
    for (const subject of ['One', 'Two', 'Three']) {
      opened.push(
        (await open.execute({ subject, description: `<p>${subject}</p>` }, customer)).name,
      );
    }
    const [one, two, three] = opened as [number, number, number];
    await commands.update(one, { status: 'Replied', priority: 'High' }, agent);
    await commands.assign(one, agent.user, agent);
    await commands.assign(two, lee.user, agent);
    await commands.unassign(two, [lee.user], agent);
    await commands.markSeen(one, agent);
    await commands.markSeen(one, customer);
    await commands.addComment(two, 'n-1', '<p>note</p>', agent);
    assert.equal(await commands.toggleReaction(two, 'n-1', '👍', lee), 'added');
    assert.equal(await commands.toggleReaction(two, 'n-1', '🎉', lee), 'changed');
    await commands.replyAsCustomer(
      three,
      { communicationId: 'c-later', message: '<p>Another thing</p>' },
      customer,
    );
    await commands.addComment(three, 'n-2', '<p>later note</p>', agent);
    await commands.update(three, { agent_group: 'Billing' }, agent);
    await mergeSplit.merge(two, one, agent);
    const split = await mergeSplit.split(three, 'Another thing', 'c-later', agent);

    const before = await snapshot();
    assert.ok(before['ticket.hd_ticket_activity']!.length >= 4);
    assert.equal(before['ticket.view_log']!.length, 2);
    assert.equal(before['ticket.hd_comment_reaction']!.length, 1);
    assert.equal(before['ticket.hd_ticket_assignment']!.length, 1);
    assert.deepEqual(
      (before['ticket.assignment_log'] as { allocated_to: string; assigned_by: string }[])
        .map((row) => [row.allocated_to, row.assigned_by])
        .sort(),
      [
        [agent.user, agent.user],
        [lee.user, agent.user],
      ],
      'both assignments, the one since undone too, and who made them',
    );
    const moved = await dataSource.query(
      `SELECT action FROM ticket.hd_ticket_activity WHERE ticket = $1 ORDER BY creation`,
      [String(split)],
    );
    assert.deepEqual(
      moved.map((row: { action: string }) => row.action),
      ['set team to Billing', `split the ticket from #${three}`],
    );

    for (const table of SIDE_TABLES) await dataSource.query(`DELETE FROM ${table}`);
    await rebuildTicketReadModel(dataSource, store, readModel, () => undefined, 5);
    assert.deepEqual(await snapshot(), before);
  });

  it('fills the assignment table from the log when it is first created', async () => {
    const projected = await dataSource.query(
      `SELECT * FROM ticket.hd_ticket_assignment ORDER BY 1, 2`,
    );
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query(`DROP VIEW ticket.hd_ticket_assignment_day`);
      await runner.query(`DROP TABLE ticket.hd_ticket_assignment`);
      await new TicketAssignments1763700001500().up(runner);
    } finally {
      await runner.release();
    }
    assert.deepEqual(
      await dataSource.query(`SELECT * FROM ticket.hd_ticket_assignment ORDER BY 1, 2`),
      projected,
    );
  });

  it('fills the assignment log from the event log when it is first created', async () => {
    const projected = await dataSource.query(`SELECT * FROM ticket.assignment_log ORDER BY name`);
    const migration = new TicketAgentHome1763700008300();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    assert.equal(projected.length, 2);
    assert.deepEqual(
      await dataSource.query(`SELECT * FROM ticket.assignment_log ORDER BY name`),
      projected,
    );
  });
});
