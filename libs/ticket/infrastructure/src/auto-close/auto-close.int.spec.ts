import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { PostgresEventStore, runMigrations } from '@helpdesk/shared-event-store';
import {
  namespacedStream,
  queueOptions,
  startEventRelay,
  type CommittedEventPublisher,
} from '@helpdesk/shared-messaging';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  testConfig,
  uniqueNamespace,
  waitFor,
  type TestDatabase,
} from '@helpdesk/shared-testing';
import {
  CatalogueCommands,
  CloseInactiveTicketHandler,
  OpenTicketHandler,
  TicketCommands,
} from '@helpdesk/ticket-application';
import { CATALOGUE_SEEDS } from '@helpdesk/ticket-catalogue-domain';
import {
  CATALOGUE_EVENTS_STREAM,
  CATALOGUE_EVENTS_SUBJECT_PREFIX,
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
} from '@helpdesk/ticket-contracts';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { PostgresCatalogueReadModel } from '../catalogue/postgres-catalogue-read-model.js';
import { PostgresTicketReadModel } from '../postgres-ticket-read-model.js';
import { ticketServiceMessage } from '../ticket-integration-events.js';
import { createTicketDataSource } from '../ticket-service.module.js';
import { TICKET_SCHEMA } from '../ticket.migrations.js';
import {
  AUTO_CLOSE_QUEUE,
  AutoCloseTimers,
  autoCloseJobId,
  closeJob,
} from './auto-close-timers.js';
import { AUTO_CLOSE_TICKETS_DURABLE, TicketAutoClose } from './ticket-auto-close.js';

/** The local Redis, as the apps default to it. */
const REDIS_URL = 'redis://127.0.0.1:6379';
const DAY_MS = 24 * 60 * 60 * 1000;
const agent = { user: 'agent@example.com', roles: ['Agent'], correlationId: 'c-agent' };
const manager = { user: 'admin@example.com', roles: ['System Manager'], correlationId: 'c-admin' };
const customer = { user: 'jo@example.com', roles: [], correlationId: 'c-customer' };

describe('auto-close of inactive tickets (BullMQ jobs over Postgres, Redis and NATS)', () => {
  const namespace = uniqueNamespace('ac');
  const store = new PostgresEventStore(TICKET_SCHEMA);
  const readModel = new PostgresTicketReadModel('UTC');
  const catalogues = new PostgresCatalogueReadModel();
  let db: TestDatabase;
  let dataSource: DataSource;
  let nats: NatsConnection;
  let relay: CommittedEventPublisher;
  let autoClose: TicketAutoClose;
  let settings: CatalogueCommands;
  let open: OpenTicketHandler;
  let commands: TicketCommands;
  /** The test's queue handle, to look at and add jobs as another replica would. */
  let queue: Queue;
  /** How far auto-close's clock runs ahead of the system clock the tickets are written with. */
  let ahead = 0;
  const now = () => new Date(Date.now() + ahead);

  function startAutoClose(): Promise<void> {
    autoClose = new TicketAutoClose({
      namespace,
      nats,
      dataSource,
      timers: new AutoCloseTimers({
        dataSource,
        catalogues,
        close: new CloseInactiveTicketHandler({ dataSource, store, readModel, catalogues }),
        redis: { url: REDIS_URL, namespace },
        now,
      }),
    });
    return autoClose.start();
  }

  before(async () => {
    db = await createTestDatabase();
    dataSource = await createTicketDataSource({
      databaseUrl: db.url,
      databasePoolSize: 8,
    }).initialize();
    await runMigrations(dataSource, TICKET_SCHEMA);
    settings = new CatalogueCommands(dataSource, store, catalogues);
    await settings.seed(CATALOGUE_SEEDS);
    await settings.changeSettings({ auto_close_tickets: 1, auto_close_after_days: 14 }, manager);
    open = new OpenTicketHandler({
      dataSource,
      store,
      readModel,
      catalogues,
      timeZone: 'UTC',
      newId: randomUUID,
    });
    commands = new TicketCommands({ dataSource, store, readModel, catalogues, timeZone: 'UTC' });
    nats = await connect({ servers: testConfig.NATS_URL });
    relay = await startEventRelay({
      name: 'auto-close-spec',
      nats,
      namespace,
      streams: [
        { stream: TICKET_EVENTS_STREAM, subjectPrefix: TICKET_EVENTS_SUBJECT_PREFIX },
        { stream: CATALOGUE_EVENTS_STREAM, subjectPrefix: CATALOGUE_EVENTS_SUBJECT_PREFIX },
      ],
      dataSource,
      databaseUrl: db.url,
      store,
      schema: TICKET_SCHEMA,
      toMessage: ticketServiceMessage(namespace),
    });
    queue = new Queue(AUTO_CLOSE_QUEUE, queueOptions(REDIS_URL, namespace));
    await startAutoClose();
  });

  after(async () => {
    await autoClose?.stop();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await relay?.stop();
    await nats?.drain().catch(() => undefined);
    await deleteNamespaceStreams(testConfig.NATS_URL, namespace);
    await dataSource?.destroy();
    await db?.drop();
  });

  /** A ticket an agent has answered; `status` set afterwards when given. */
  async function answeredTicket(subject: string, status?: string): Promise<number> {
    const { name } = await open.execute({ subject, raised_by: customer.user }, agent);
    await commands.replyAsAgent(
      name,
      { communicationId: randomUUID(), message: '<p>Done</p>' },
      agent,
    );
    if (status) await commands.update(name, { status }, agent);
    return name;
  }

  const statusOf = async (ticket: number) =>
    (
      await dataSource.query<{ status: string }[]>(
        `SELECT status FROM ticket.hd_ticket WHERE name = $1`,
        [ticket],
      )
    )[0]?.status;

  const timerOf = async (ticket: number) =>
    (
      await dataSource.query<{ due_at: Date }[]>(
        `SELECT due_at FROM ticket.auto_close_timer WHERE ticket = $1`,
        [ticket],
      )
    )[0]?.due_at;

  const eventsOf = async (ticket: number) =>
    dataSource.query<{ event_type: string; data: { to?: string }; metadata: { actor?: string } }[]>(
      `SELECT event_type, data, metadata FROM ticket.events
        WHERE stream_id = $1 ORDER BY stream_version`,
      [`ticket-${ticket}`],
    );

  /** Every ticket event written so far has reached auto-close and been acknowledged. */
  async function caughtUp(): Promise<void> {
    const [{ count }] = (await dataSource.query(
      `SELECT count(*)::int AS count FROM ticket.events WHERE stream_id LIKE 'ticket-%'`,
    )) as [{ count: number }];
    const jsm = await jetstreamManager(nats);
    const stream = namespacedStream(namespace, TICKET_EVENTS_STREAM);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(stream, AUTO_CLOSE_TICKETS_DURABLE);
        return (
          info.delivered.stream_seq >= count && info.num_pending === 0 && info.num_ack_pending === 0
        );
      },
      { what: 'auto-close to take in every ticket event' },
    );
  }

  it('given auto-close on for 14 days, when a Replied ticket has been silent for 15, then Administrator closes it with the activity line', async () => {
    ahead = 15 * DAY_MS;
    const ticket = await answeredTicket('Silent customer', 'Replied');
    await waitFor(async () => (await statusOf(ticket)) === 'Closed', {
      what: 'the ticket to be closed',
    });
    const activity = await dataSource.query<{ action: string; owner: string }[]>(
      `SELECT action, owner FROM ticket.hd_ticket_activity WHERE ticket = $1
        ORDER BY creation, stream_version`,
      [String(ticket)],
    );
    assert.deepEqual(activity.slice(-2), [
      { action: 'set status to Closed', owner: 'Administrator' },
      {
        action: 'automatically closed the ticket after 14 days of inactivity',
        owner: 'Administrator',
      },
    ]);
    const closing = (await eventsOf(ticket)).slice(-2);
    assert.deepEqual(
      closing.map((e) => [e.event_type, e.metadata.actor]),
      [
        ['TicketStatusChanged', 'Administrator'],
        ['TicketClosedForInactivity', 'Administrator'],
      ],
    );
    await waitFor(async () => (await timerOf(ticket)) === undefined, {
      what: 'the closed ticket to have no timer left',
    });
  });

  it('leaves alone a ticket in another status and a Replied ticket without any Communication', async () => {
    ahead = 15 * DAY_MS;
    const stillOpen = await answeredTicket('Still open');
    const { name: silent } = await open.execute(
      { subject: 'Nothing said yet', raised_by: customer.user },
      agent,
    );
    await commands.update(silent, { status: 'Replied' }, agent);
    await caughtUp();
    assert.equal(await statusOf(stillOpen), 'Open');
    assert.equal(await statusOf(silent), 'Replied');
    assert.equal(await timerOf(stillOpen), undefined);
    assert.equal(await timerOf(silent), undefined);
  });

  it('given a closing job that fires again, then the ticket is closed once', async () => {
    ahead = 15 * DAY_MS;
    const ticket = await answeredTicket('Fired twice', 'Replied');
    await waitFor(async () => (await statusOf(ticket)) === 'Closed', { what: 'the first close' });
    const [reply] = await dataSource.query<{ at: Date }[]>(
      `SELECT max(communication_date) AS at FROM ticket.communication WHERE reference_name = $1`,
      [String(ticket)],
    );
    const dueAt = new Date(reply!.at.getTime() + 14 * DAY_MS);
    const id = autoCloseJobId(ticket, dueAt);
    await waitFor(async () => (await queue.getJob(id)) === undefined, { what: 'the first job' });
    const again = closeJob(ticket, dueAt, now());
    await queue.add(again.name, again.data, again.opts);
    await waitFor(async () => (await queue.getJob(id)) === undefined, {
      what: 'the repeated job to run',
    });
    const events = await eventsOf(ticket);
    assert.equal(
      events.filter((e) => e.event_type === 'TicketStatusChanged' && e.data.to === 'Closed').length,
      1,
    );
    assert.equal(events.filter((e) => e.event_type === 'TicketClosedForInactivity').length, 1);
  });

  it('given a Replied ticket not due yet, when auto-close is turned off, then its job goes, and tickets stay Replied however long they wait', async () => {
    ahead = 0;
    const waiting = await answeredTicket('Waiting, not yet due', 'Replied');
    const dueAt = await waitFor(() => timerOf(waiting), { what: 'the job to be scheduled' });
    assert.ok(dueAt.getTime() > Date.now() + 13 * DAY_MS, 'due 14 days after the reply');
    const job = await queue.getJob(autoCloseJobId(waiting, dueAt));
    assert.equal(await job?.getState(), 'delayed');

    await settings.changeSettings({ auto_close_tickets: 0 }, manager);
    await waitFor(async () => (await timerOf(waiting)) === undefined, {
      what: 'the timer to be dropped',
    });
    assert.equal(await queue.getJob(autoCloseJobId(waiting, dueAt)), undefined);

    ahead = 15 * DAY_MS;
    const off = await answeredTicket('Replied while off', 'Replied');
    await caughtUp();
    assert.equal(await timerOf(off), undefined);
    assert.equal(await statusOf(off), 'Replied');
    assert.equal(await statusOf(waiting), 'Replied');
  });

  it('when auto-close is turned on again, then every Replied ticket overdue is closed', async () => {
    ahead = 15 * DAY_MS;
    const overdue = (
      await dataSource.query<{ name: string }[]>(
        `SELECT name FROM ticket.hd_ticket WHERE status = 'Replied'
            AND name::text IN (SELECT reference_name FROM ticket.communication)`,
      )
    ).map((row) => Number(row.name));
    assert.equal(overdue.length, 2);
    await settings.changeSettings({ auto_close_tickets: 1 }, manager);
    for (const ticket of overdue) {
      await waitFor(async () => (await statusOf(ticket)) === 'Closed', {
        what: `ticket ${ticket} to be closed`,
      });
    }
  });

  it('given a job lost from Redis, when ticket-service starts again, then the job is rebuilt from the read model', async () => {
    ahead = 0;
    const ticket = await answeredTicket('Lost job', 'Replied');
    const dueAt = await waitFor(() => timerOf(ticket), { what: 'the job to be scheduled' });
    await autoClose.stop();
    assert.equal(await queue.remove(autoCloseJobId(ticket, dueAt)), 1);

    ahead = 15 * DAY_MS;
    await startAutoClose();
    await waitFor(async () => (await statusOf(ticket)) === 'Closed', {
      what: 'the ticket to be closed by the rebuilt job',
    });
  });

  it('when the days or the status change in HD Settings, then the jobs move with them', async () => {
    ahead = 0;
    const ticket = await answeredTicket('Days changed', 'Replied');
    const fourteen = await waitFor(() => timerOf(ticket), { what: 'the job to be scheduled' });

    await settings.changeSettings({ auto_close_after_days: 30 }, manager);
    const thirty = await waitFor(
      async () => {
        const due = await timerOf(ticket);
        return due && due.getTime() !== fourteen.getTime() ? due : undefined;
      },
      { what: 'the due time to move' },
    );
    assert.equal(thirty.getTime() - fourteen.getTime(), 16 * DAY_MS);
    assert.equal(await queue.getJob(autoCloseJobId(ticket, fourteen)), undefined, 'old job gone');
    assert.equal(await (await queue.getJob(autoCloseJobId(ticket, thirty)))?.getState(), 'delayed');

    await settings.changeSettings({ auto_close_status: 'Resolved' }, manager);
    await waitFor(async () => (await timerOf(ticket)) === undefined, {
      what: 'the Replied ticket to lose its job',
    });
    assert.equal(await queue.getJob(autoCloseJobId(ticket, thirty)), undefined);
  });
});
