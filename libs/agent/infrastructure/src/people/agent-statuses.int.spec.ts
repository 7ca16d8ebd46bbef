import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HdAgentStatusResource, PeopleCommands, enrolAgent } from '@helpdesk/agent-application';
import { openMigrated, PostgresEventStore, withConnection } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { createAgentDataSource } from '../agent-service.module.js';
import { AGENT_SCHEMA } from '../agent.migrations.js';
import { AgentStatusEvents1763700002100 } from './agent-status-events.migration.js';
import { projectPeople } from './people-projection.js';
import { PostgresPeopleDocuments } from './postgres-people-documents.js';

const as = (user: string, ...roles: string[]): RequestContext => ({
  user,
  roles,
  correlationId: 'statuses-spec',
});
const ADMIN = as('Administrator', 'Administrator');
const MANAGER = as('lead@example.com', 'Agent Manager');
const ANN = 'ann@example.com';

describe('HD Agent Status over Postgres', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let commands: PeopleCommands;
  let statuses: HdAgentStatusResource;

  const query = <T>(text: string, values: unknown[] = []) =>
    withConnection(dataSource, async (sql) => (await sql.query<T>(text, values)).rows);
  const enabledActive = async () =>
    (
      await query<{ name: string }>(
        `SELECT name FROM agent.hd_agent_status WHERE category = 'Active' AND enable ORDER BY name`,
      )
    ).map((row) => row.name);

  before(async () => {
    db = await createTestDatabase();
    dataSource = await openMigrated(
      createAgentDataSource({ databaseUrl: db.url, databasePoolSize: 6 }),
      AGENT_SCHEMA,
    );
    const documents = new PostgresPeopleDocuments(dataSource, 'UTC');
    commands = new PeopleCommands({
      dataSource,
      store: new PostgresEventStore(AGENT_SCHEMA),
      project: projectPeople,
      lookups: documents,
    });
    statuses = new HdAgentStatusResource(documents, commands);
    await commands.transaction('User', ANN, async (sql) => {
      await commands.onUser(sql, ANN, { type: 'RegisterUser', email: ANN, roles: [] }, ADMIN);
      await enrolAgent(commands, sql, ANN, ADMIN);
    });
  });

  after(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('records the statuses a site starts with as events, once', async () => {
    const recorded = () =>
      query<{ stream_id: string; event_type: string; data: Record<string, unknown> }>(
        `SELECT stream_id, event_type, data FROM agent.events
          WHERE stream_id LIKE 'agent-status-%' ORDER BY global_position`,
      );
    const first = await recorded();
    assert.deepEqual(
      first.map((e) => [e.stream_id, e.event_type, e.data.category, e.data.color]),
      [
        ['agent-status-Active', 'AgentStatusCreated', 'Active', 'Green'],
        ['agent-status-Away', 'AgentStatusCreated', 'Away', 'Amber'],
        ['agent-status-Unavailable', 'AgentStatusCreated', 'Unavailable', 'Red'],
      ],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new AgentStatusEvents1763700002100().up(runner);
    } finally {
      await runner.release();
    }
    assert.deepEqual(await recorded(), first, 'running the step again records nothing more');
    const listed = await statuses.list({ fields: ['name', 'status_order'] }, MANAGER);
    assert.deepEqual(listed, [
      { name: 'Active', status_order: 10 },
      { name: 'Away', status_order: 20 },
      { name: 'Unavailable', status_order: 30 },
    ]);
  });

  it('two managers removing the only two Active statuses at once leave one of them', async () => {
    await statuses.insert({ agent_status: 'Online', category: 'Active' }, MANAGER);
    await commands.transaction('HD Agent', ANN, (sql) =>
      commands.onAgent(sql, ANN, { type: 'EditAgent', changes: { availability: 'Away' } }, ADMIN),
    );
    const outcomes = await Promise.allSettled([
      statuses.delete('Active', MANAGER),
      statuses.delete('Online', MANAGER),
    ]);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    assert.equal(refused.length, 1, JSON.stringify(outcomes));
    const reason = (refused[0] as PromiseRejectedResult).reason as FrappeError;
    assert.equal(reason.excType, 'ValidationError');
    assert.equal(reason.message, 'At least one enabled Active status is required.');
    assert.equal((await enabledActive()).length, 1);
  });

  it('deleting a status while an agent moves into it refuses one of the two', async () => {
    await statuses.insert({ agent_status: 'Lunch', category: 'Away', color: 'Orange' }, MANAGER);
    const outcomes = await Promise.allSettled([
      statuses.delete('Lunch', MANAGER),
      commands.transaction('HD Agent', ANN, (sql) =>
        commands.onAgent(
          sql,
          ANN,
          { type: 'EditAgent', changes: { availability: 'Lunch' } },
          ADMIN,
        ),
      ),
    ]);
    assert.equal(
      outcomes.filter((o) => o.status === 'fulfilled').length,
      1,
      JSON.stringify(outcomes),
    );
    const [agent] = await query<{ availability: string }>(
      `SELECT availability FROM agent.hd_agent WHERE name = $1`,
      [ANN],
    );
    const lunch = await query(`SELECT 1 FROM agent.hd_agent_status WHERE name = 'Lunch'`);
    if (agent!.availability === 'Lunch') assert.equal(lunch.length, 1, 'the agent is in Lunch');
    else assert.equal(lunch.length, 0, 'Lunch was deleted while nobody was in it');
  });
});
