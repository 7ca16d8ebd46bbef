import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { PeopleEventV1 } from '@helpdesk/agent-contracts';
import { AssignmentRuleCommands } from '@helpdesk/assignment-application';
import {
  PostgresEventStore,
  createServiceDataSource,
  inTransaction,
  runMigrations,
} from '@helpdesk/shared-event-store';
import { createTestDatabase, type TestDatabase } from '@helpdesk/shared-testing';
import type { DataSource } from 'typeorm';
import { ASSIGNMENT_SCHEMA, assignmentMigrations } from '../assignment.migrations.js';
import { assignmentRuleProjection } from '../rules/assignment-rule-projection.js';
import { PostgresAssignmentRuleDocuments } from '../rules/postgres-assignment-rule-documents.js';
import { PostgresRulePassStore } from '../rules/postgres-rule-pass-store.js';
import { ApplyPeopleEvent } from './apply-people-event.js';

type Event = PeopleEventV1;
const envelope = (doctype: Event['doctype'], name: string, version: number) => ({
  id: randomUUID(),
  doctype,
  name,
  version,
  occurredAt: '2026-11-21T10:00:00.000Z',
  actor: 'Administrator',
  correlationId: null,
});

const enrolled = (user: string, availability: string): Event => ({
  ...envelope('HD Agent', user, 1),
  type: 'helpdesk.people.v1.agent-enrolled',
  doctype: 'HD Agent',
  data: {
    agent_name: user,
    user_image: null,
    is_active: true,
    availability,
    availability_changed_on: '2026-11-21T10:00:00.000Z',
  },
});

describe("assignment-rule-service's copy of agents' statuses", () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let people: ApplyPeopleEvent;
  const store = new PostgresRulePassStore();

  const apply = (event: Event) => inTransaction(dataSource, (sql) => people.run(sql, event));
  const categories = () =>
    inTransaction(dataSource, async (sql) => Object.fromEntries(await store.availability(sql)));

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createServiceDataSource({
      url: db.url,
      schema: ASSIGNMENT_SCHEMA,
      poolSize: 2,
      migrations: assignmentMigrations,
      applicationName: 'agent-availability-spec',
    }).initialize();
    await runMigrations(dataSource, ASSIGNMENT_SCHEMA);
    const documents = new PostgresAssignmentRuleDocuments(dataSource, 'UTC');
    people = new ApplyPeopleEvent(
      new AssignmentRuleCommands({
        dataSource,
        store: new PostgresEventStore(ASSIGNMENT_SCHEMA),
        project: assignmentRuleProjection,
        otherTicketRules: (sql, name) => documents.otherTicketRules(sql, name),
      }),
    );
  });

  after(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('counts an agent in a custom status by that status category, whichever arrives first', async () => {
    await apply(enrolled('ann@example.com', 'Lunch'));
    assert.deepEqual(await categories(), { 'ann@example.com': 'Active' }, 'Lunch is not known yet');
    await apply({
      ...envelope('HD Agent Status', 'Lunch', 1),
      type: 'helpdesk.people.v1.agent-status-created',
      doctype: 'HD Agent Status',
      data: { category: 'Away', color: 'Orange', status_order: 25, enable: true },
    });
    assert.deepEqual(await categories(), { 'ann@example.com': 'Away' });
  });

  it('moves the agents in a status when the status changes category, once per event', async () => {
    await apply(enrolled('bob@example.com', 'Active'));
    await apply({
      ...envelope('HD Agent', 'bob@example.com', 2),
      type: 'helpdesk.people.v1.agent-availability-changed',
      doctype: 'HD Agent',
      data: {
        availability: 'Lunch',
        category: 'Away',
        availability_changed_on: '2026-11-21T11:00:00.000Z',
      },
    });
    const changed: Event = {
      ...envelope('HD Agent Status', 'Lunch', 2),
      type: 'helpdesk.people.v1.agent-status-changed',
      doctype: 'HD Agent Status',
      data: { category: 'Unavailable' },
    };
    await apply(changed);
    await apply(changed);
    assert.deepEqual(await categories(), {
      'ann@example.com': 'Unavailable',
      'bob@example.com': 'Unavailable',
    });
  });

  it('falls back to the category the agent events carried once a status is removed', async () => {
    await apply({
      ...envelope('HD Agent Status', 'Lunch', 3),
      type: 'helpdesk.people.v1.agent-status-removed',
      doctype: 'HD Agent Status',
      data: {},
    });
    assert.deepEqual(await categories(), {
      'ann@example.com': 'Active',
      'bob@example.com': 'Away',
    });
  });
});
