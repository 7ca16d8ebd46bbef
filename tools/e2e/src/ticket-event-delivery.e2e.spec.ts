import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  Checkpoints,
  createServiceDataSource,
  inTransaction,
  PostgresEventStore,
  withConnection,
} from '@helpdesk/shared-event-store';
import {
  DurableConsumer,
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
  type ProcessOutcome,
} from '@helpdesk/shared-messaging';
import {
  childEnv,
  createTestDatabase,
  deleteNamespaceStreams,
  freePort,
  REPO_ROOT,
  startApp,
  testConfig,
  uniqueNamespace,
  waitFor,
  type AppProcess,
  type TestDatabase,
} from '@helpdesk/shared-testing';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';

const EVENTS = 300;
const NATS_URL = testConfig.NATS_URL;

describe('committed ticket events reach a JetStream consumer exactly once', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  let namespace: string;
  let stream: string;
  let env: Record<string, string>;
  const outcomes: Record<ProcessOutcome, number> = { applied: 0, duplicate: 0, failed: 0 };
  let consumer: DurableConsumer<TicketEventV1>;
  const apps: AppProcess[] = [];

  const durable = 'delivery-test-projector';
  const newConsumer = () =>
    new DurableConsumer<TicketEventV1>({
      js,
      stream,
      durable,
      dataSource,
      schema: 'projector',
      logger: console,
      handle: async (sql, event) => {
        await sql.query(
          `INSERT INTO projector.applied (ticket, times) VALUES ($1, 1)
           ON CONFLICT (ticket) DO UPDATE SET times = projector.applied.times + 1`,
          [event.ticket],
        );
      },
      onProcessed: (outcome) => void outcomes[outcome]++,
    });

  before(async () => {
    db = await createTestDatabase();
    namespace = uniqueNamespace();
    stream = namespacedStream(namespace, TICKET_EVENTS_STREAM);
    env = {
      DATABASE_URL: db.url,
      NATS_URL,
      HELPDESK_NAMESPACE: namespace,
      EVENT_PUBLISH_BATCH_SIZE: '2',
    };
    const migrate = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'apps/ticket-service/dist/main.js'), 'migrate'],
      {
        env: { ...childEnv(), ...env },
        encoding: 'utf8',
      },
    );
    assert.equal(migrate.status, 0, migrate.stderr + migrate.stdout);

    dataSource = await createServiceDataSource({
      url: db.url,
      schema: 'ticket',
      poolSize: 4,
      migrations: [],
      applicationName: 'delivery-test',
    }).initialize();
    // A backlog of committed ticket events, as the service would have written them.
    const store = new PostgresEventStore('ticket');
    await inTransaction(dataSource, async (sql) => {
      for (let name = 1; name <= EVENTS; name++) {
        await store.appendToStream(sql, `ticket-${name}`, 0, [
          { type: 'TicketOpened', data: openedData(name), metadata: { actor: 'Administrator' } },
        ]);
      }
    });
    await dataSource.query(`CREATE SCHEMA projector`);
    await dataSource.query(
      `CREATE TABLE projector.inbox (consumer text, event_id uuid, PRIMARY KEY (consumer, event_id))`,
    );
    await dataSource.query(
      `CREATE TABLE projector.applied (ticket bigint PRIMARY KEY, times int NOT NULL)`,
    );

    nats = await connect({ servers: NATS_URL });
    js = jetstream(nats);
    jsm = await jetstreamManager(nats);
    await ensureEventStream(jsm, {
      name: stream,
      subjects: [namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`)],
    });
    await ensureDurableConsumer(jsm, {
      stream,
      durable,
      filterSubject: namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`),
    });
    consumer = newConsumer();
    await consumer.start();
  });

  after(async () => {
    await Promise.all(apps.map((app) => app.kill()));
    await consumer?.stop();
    await deleteNamespaceStreams(NATS_URL, namespace);
    await nats?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('delivers every event once when the publisher is killed mid-stream and restarted', async () => {
    const port = await freePort();
    const first = await startApp('ticket-service', env, port);
    apps.push(first);
    const publishedAtKill = await waitFor(
      async () => {
        const published = (await jsm.streams.info(stream)).state.messages;
        return published > 0 && published < EVENTS ? published : undefined;
      },
      { intervalMs: 5, what: 'the publisher to be part-way through the backlog' },
    );
    await first.kill();
    const checkpoint = await withConnection(dataSource, (sql) =>
      new Checkpoints('ticket').read(sql, 'jetstream'),
    );
    assert.ok(publishedAtKill < EVENTS, 'killed before the backlog was published');

    const second = await startApp('ticket-service', env, port);
    apps.push(second);
    await waitFor(async () => (await appliedCount()) === EVENTS, {
      what: 'all events applied',
      timeoutMs: 30_000,
    });

    const rows = await dataSource.query(
      `SELECT times, count(*)::int AS tickets FROM projector.applied GROUP BY times`,
    );
    assert.deepEqual(rows, [{ times: 1, tickets: EVENTS }]);
    assert.equal(
      (await jsm.streams.info(stream)).state.messages,
      EVENTS,
      'the server dropped re-sent duplicates',
    );
    assert.ok(
      BigInt(checkpoint.globalPosition) < BigInt(EVENTS),
      'the crash happened before the last checkpoint',
    );
    assert.equal(await second.stop(), 0, 'ticket-service shuts down cleanly on SIGTERM');
  });

  it('applies nothing twice when every event is delivered again', async () => {
    const before = await dataSource.query(
      `SELECT ticket, times FROM projector.applied ORDER BY ticket`,
    );
    const duplicatesBefore = outcomes.duplicate;
    await consumer.stop();
    // Recreating the durable consumer makes JetStream deliver the whole stream again.
    await jsm.consumers.delete(stream, durable);
    await ensureDurableConsumer(jsm, {
      stream,
      durable,
      filterSubject: namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`),
    });
    consumer = newConsumer();
    await consumer.start();
    await waitFor(() => outcomes.duplicate - duplicatesBefore === EVENTS, {
      what: 'every event redelivered',
    });
    const afterRedelivery = await dataSource.query(
      `SELECT ticket, times FROM projector.applied ORDER BY ticket`,
    );
    assert.deepEqual(afterRedelivery, before);
  });

  async function appliedCount(): Promise<number> {
    const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM projector.applied`);
    return row.n;
  }
});

function openedData(name: number) {
  return {
    name,
    subject: `Backlog ticket ${name}`,
    description: null,
    raisedBy: 'customer@example.com',
    status: 'Open',
    statusCategory: 'Open',
    priority: null,
    ticketType: 'Unspecified',
    viaCustomerPortal: false,
    key: randomUUID(),
    openedBy: 'Administrator',
    openedAt: new Date().toISOString(),
  };
}
