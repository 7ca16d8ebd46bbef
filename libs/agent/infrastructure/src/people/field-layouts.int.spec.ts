import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HdFieldLayoutResource, PeopleCommands } from '@helpdesk/agent-application';
import { openMigrated, PostgresEventStore, withConnection } from '@helpdesk/shared-event-store';
import type { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { createAgentDataSource } from '../agent-service.module.js';
import { AGENT_SCHEMA } from '../agent.migrations.js';
import { projectPeople } from './people-projection.js';
import { PostgresPeopleDocuments } from './postgres-people-documents.js';

const as = (user: string, ...roles: string[]): RequestContext => ({
  user,
  roles,
  correlationId: 'field-layouts-spec',
});
const ADMIN = as('Administrator', 'Administrator');
const ANN = as('ann@example.com', 'Agent');
const BOB = as('bob@example.com', 'Agent');
const LAYOUT = JSON.stringify([{ chart: 'ticket_count', layout: { x: 0, y: 0, w: 4, h: 2 } }]);

describe('HD Field Layout over Postgres', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let commands: PeopleCommands;
  let layouts: HdFieldLayoutResource;

  const rowsOf = (user: string) =>
    withConnection(
      dataSource,
      async (sql) =>
        (
          await sql.query<{ name: string }>(
            `SELECT name FROM agent.hd_field_layout WHERE "user" = $1`,
            [user],
          )
        ).rows,
    );

  before(async () => {
    db = await createTestDatabase();
    dataSource = await openMigrated(
      createAgentDataSource({ databaseUrl: db.url, databasePoolSize: 10 }),
      AGENT_SCHEMA,
    );
    const documents = new PostgresPeopleDocuments(dataSource, 'UTC');
    commands = new PeopleCommands({
      dataSource,
      store: new PostgresEventStore(AGENT_SCHEMA),
      project: projectPeople,
      lookups: documents,
    });
    layouts = new HdFieldLayoutResource(documents, commands);
    for (const user of [ANN.user, BOB.user])
      await commands.transaction('User', user, (sql) =>
        commands.onUser(sql, user, { type: 'RegisterUser', email: user, roles: ['Agent'] }, ADMIN),
      );
  });

  after(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('six saves of a first layout at once leave one, the others told it exists', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => layouts.insert({ user: ANN.user, layout: LAYOUT }, ANN)),
    );
    const saved = outcomes.filter((o) => o.status === 'fulfilled');
    assert.equal(saved.length, 1, JSON.stringify(outcomes));
    for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
      const reason = (outcome as PromiseRejectedResult).reason as FrappeError;
      assert.equal(reason.excType, 'DuplicateEntryError', String(reason));
      assert.match(reason.message, /^ann@example\.com already has a Landing Page layout/);
    }
    assert.equal((await rowsOf(ANN.user)).length, 1);
  });

  it('moving a layout to a user while that user saves their first keeps one each', async () => {
    const ann = (await rowsOf(ANN.user))[0]!.name;
    const outcomes = await Promise.allSettled([
      layouts.update(ann, { user: BOB.user }, ADMIN),
      layouts.insert({ user: BOB.user, layout: LAYOUT }, BOB),
    ]);
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    assert.equal((await rowsOf(BOB.user)).length, 1);
  });

  it('lists and reads for an agent only the layouts they own', async () => {
    if ((await rowsOf(ANN.user)).length === 0)
      await layouts.insert({ user: ANN.user, layout: LAYOUT }, ANN);
    const anns = (await rowsOf(ANN.user))[0]!.name;
    const bobs = await layouts.list({ fields: ['user'] }, BOB);
    assert.deepEqual(bobs, [{ user: BOB.user }]);
    assert.equal((await layouts.list({ fields: ['name'] }, ADMIN)).length, 2);
    await assert.rejects(layouts.get(anns, BOB), { excType: 'PermissionError' });
    await assert.rejects(layouts.update(anns, { layout: '[]' }, BOB), {
      excType: 'PermissionError',
    });
    await assert.rejects(layouts.get('0000000000', BOB), { excType: 'DoesNotExistError' });
    assert.equal((await layouts.get(anns, ANN)).layout, LAYOUT);
  });
});
