import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  createServiceDataSource,
  inTransaction,
  runMigrations,
  withConnection,
} from '@helpdesk/shared-event-store';
import { ensureEventStream, namespacedStream, namespacedSubject } from '@helpdesk/shared-messaging';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  testConfig,
  uniqueNamespace,
  waitFor,
  type TestDatabase,
} from '@helpdesk/shared-testing';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';
import { METRICS_SCHEMA, metricsMigrations } from '../metrics.migrations.js';
import { DashboardIntake } from './dashboard-intake.js';
import { DashboardProjection } from './dashboard-projection.js';
import { PostgresDashboardReads } from './postgres-dashboard-reads.js';
import { PostgresStatsReads } from './postgres-stats-reads.js';

const ZONE = 'Europe/Berlin';
const ANN = 'ann@example.com';
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const EVERYONE = { team: null, agent: null };

const event = (
  ticket: number,
  ticketVersion: number,
  kind: string,
  occurredAt: string,
  data: Record<string, unknown>,
): TicketEventV1 =>
  ({
    id: randomUUID(),
    type: `helpdesk.ticket.v1.${kind}`,
    ticket,
    ticketVersion,
    occurredAt,
    actor: ANN,
    correlationId: null,
    data,
  }) as TicketEventV1;

const opened = (ticket: number, at: string, fields: Record<string, unknown>) =>
  event(ticket, 1, 'opened', at, {
    subject: `Ticket ${ticket}`,
    raised_by: 'jo@acme.example',
    status: 'Open',
    status_category: 'Open',
    priority: 'Low',
    ticket_type: 'Question',
    via_customer_portal: false,
    agent_group: null,
    customer: 'Acme',
    contact: 'jo@acme.example',
    ...fields,
  });

/**
 * Ticket 1 is opened Monday 3 March (Berlin), assigned, answered, resolved two days later within
 * its SLA and rated 4 stars; ticket 2 stays open; ticket 3 is opened at the very first instant
 * of March; ticket 4 is opened and deleted. Ticket 1's events are published out of order.
 */
const EVENTS: TicketEventV1[] = [
  event(1, 5, 'status-changed', '2025-03-05T10:00:00.000Z', {
    from: 'Open',
    to: 'Resolved',
    to_category: 'Resolved',
    first_responded_on: '2025-03-03T09:30:00.000Z',
    resolution_date: '2025-03-05T10:00:00.000Z',
  }),
  opened(1, '2025-03-03T09:00:00.000Z', {
    agent_group: 'Billing',
    priority: 'High',
    ticket_type: 'Bug',
    via_customer_portal: true,
  }),
  event(1, 2, 'agent-assigned', '2025-03-03T09:01:00.000Z', { agent: ANN, assignees: [ANN] }),
  event(1, 3, 'agent-replied', '2025-03-03T09:30:00.000Z', {
    first_responded_on: '2025-03-03T09:30:00.000Z',
  }),
  event(1, 4, 'sla-applied', '2025-03-03T09:30:00.000Z', {
    based_on: 3,
    fields: { agreement_status: 'First Response Due', first_response_time: 1800 },
  }),
  event(1, 6, 'sla-applied', '2025-03-05T10:00:00.000Z', {
    based_on: 5,
    fields: { agreement_status: 'Fulfilled', resolution_time: 90_000 },
  }),
  event(1, 7, 'feedback-given', '2025-03-06T08:00:00.000Z', {
    feedback: 'Quick and precise solutions',
    feedback_rating: 0.8,
    feedback_extra: null,
  }),
  opened(2, '2025-03-04T10:00:00.000Z', {}),
  opened(3, '2025-02-28T23:00:00.000Z', { agent_group: 'Billing' }),
  opened(4, '2025-03-04T11:00:00.000Z', {}),
  event(4, 2, 'deleted', '2025-03-04T12:00:00.000Z', {}),
];

describe('the dashboards’ projection over Postgres and JetStream', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let intake: DashboardIntake;
  const namespace = uniqueNamespace('dash');
  const dashboards = () => new PostgresDashboardReads(dataSource);
  let applied = 0;

  async function publish(events: readonly TicketEventV1[]): Promise<void> {
    const js = jetstream(nats);
    for (const published of events) {
      await js.publish(namespacedSubject(namespace, published.type), JSON.stringify(published));
    }
  }

  async function rollups(): Promise<unknown[]> {
    const { rows } = await withConnection(dataSource, (sql) =>
      sql.query(
        `SELECT 'ticket' AS t, to_jsonb(r) AS row FROM metrics.ticket_day_rollup r
         UNION ALL SELECT 'feedback', to_jsonb(f) FROM metrics.feedback_day_rollup f
         UNION ALL SELECT 'scope', to_jsonb(s) FROM metrics.scope_day_rollup s
         ORDER BY 1, 2`,
      ),
    );
    return rows;
  }

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createServiceDataSource({
      url: db.url,
      schema: METRICS_SCHEMA,
      poolSize: 4,
      migrations: metricsMigrations,
      applicationName: 'dashboard-projection-spec',
    }).initialize();
    await runMigrations(dataSource, METRICS_SCHEMA);
    nats = await connect({ servers: testConfig.NATS_URL });
    await ensureEventStream(await jetstreamManager(nats), {
      name: namespacedStream(namespace, TICKET_EVENTS_STREAM),
      subjects: [namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`)],
    });
    intake = new DashboardIntake({
      namespace,
      nats,
      dataSource,
      projection: new DashboardProjection(ZONE),
      batchSize: 4,
      onBatch: (events) => (applied += events),
    });
    await intake.start();
    await publish(EVENTS);
    await waitFor(() => applied >= EVENTS.length, { what: 'every event applied' });
  });

  after(async () => {
    await intake?.stop();
    await nats?.close();
    await deleteNamespaceStreams(testConfig.NATS_URL, namespace);
    await dataSource?.destroy();
    await db?.drop();
  });

  it('given the events out of order, then March’s cards count what the tickets became', async () => {
    const window = { current: MARCH, previous: { from: '2025-01-30', to: '2025-02-28' } };
    const figures = await dashboards().numberCardFigures(EVERYONE, window);
    assert.deepEqual(figures.creation.current, {
      created: 3,
      resolved: 1,
      fulfilled: 1,
      firstResponseSum: 1800,
      firstResponseCount: 1,
      resolutionDaysSum: 2,
      resolutionDaysCount: 1,
    });
    assert.equal(figures.creation.previous.created, 0, 'ticket 3 is March’s on the site’s clock');
    assert.deepEqual(figures.feedback.current, { rated: 1, ratingSum: 80 });
  });

  it('narrows to a team and to an agent', async () => {
    const window = { current: MARCH, previous: MARCH };
    const team = await dashboards().numberCardFigures({ team: 'Billing', agent: null }, window);
    const agent = await dashboards().numberCardFigures({ team: null, agent: ANN }, window);
    assert.equal(team.creation.current.created, 2);
    assert.equal(agent.creation.current.created, 1);
    assert.equal(agent.feedback.current.rated, 1);
  });

  it('leaves out of the trend the ticket created at its very first instant', async () => {
    const after = new Date('2025-02-28T23:00:00.000Z');
    const trend = await dashboards().trendFigures(EVERYONE, { ...MARCH, after });
    assert.deepEqual(
      trend.tickets.map((day) => [day.date, day.created, day.open, day.resolved]),
      [
        ['2025-03-01', 0, 0, 0],
        ['2025-03-03', 1, 0, 1],
        ['2025-03-04', 1, 1, 0],
      ],
    );
    assert.deepEqual(trend.feedback, [
      { date: '2025-03-05', resolved: 1, rated: 1, ratingSum: 80 },
    ]);
  });

  it('breaks March down by team, type, priority and channel', async () => {
    const breakdowns = await dashboards().breakdowns(EVERYONE, MARCH);
    assert.deepEqual([...breakdowns.team].sort(), [
      ['', 1],
      ['Billing', 2],
    ]);
    assert.deepEqual([...breakdowns.channel].sort(), [
      ['Email', 2],
      ['Portal', 1],
    ]);
  });

  it('keeps each agent’s and customer’s stats and rated tickets', async () => {
    const stats = new PostgresStatsReads(dataSource, ZONE);
    const ann = await stats.scopeTotals('agent', ANN, null);
    assert.deepEqual([ann.created, ann.rated, ann.ratingSum, ann.stars[4]], [1, 1, 80, 1]);
    assert.equal((await stats.scopeTotals('customer', 'Acme', MARCH)).created, 3);
    const rated = await stats.ratedTickets(ANN, { from: '2025-03-03', to: null }, 'best', 20);
    assert.deepEqual(
      rated.map((t) => [t.name, t.feedback_rating, t.modified]),
      [[1, 0.8, '2025-03-06T08:00:00.000Z']],
    );
  });

  it('when every event is delivered again, then nothing changes', async () => {
    const before = await rollups();
    const total = applied;
    await publish(EVENTS);
    await waitFor(() => applied >= total + EVENTS.length, { what: 'the copies applied' });
    assert.deepEqual(await rollups(), before);
    const again = await inTransaction(dataSource, (sql) =>
      new DashboardProjection(ZONE).apply(sql, EVENTS),
    );
    assert.deepEqual(again, { tickets: 0, cells: 0 });
  });
});
