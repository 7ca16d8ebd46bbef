import type { LoggerService } from '@nestjs/common';
import type { JetStreamClient } from '@nats-io/jetstream';
import {
  positionOf,
  withConnection,
  type Checkpoints,
  type PostgresEventStore,
  type RecordedEvent,
} from '@helpdesk/shared-event-store';
import pg from 'pg';
import type { DataSource } from 'typeorm';

export interface OutgoingMessage {
  subject: string;
  payload: unknown;
}

export interface CommittedEventPublisherOptions {
  /** Checkpoint and leader-lock name. */
  name: string;
  dataSource: DataSource;
  /** For the dedicated connection holding the leader lock and LISTENing for commits. */
  databaseUrl: string;
  store: PostgresEventStore;
  checkpoints: Checkpoints;
  js: JetStreamClient;
  toMessage: (event: RecordedEvent) => OutgoingMessage;
  logger: LoggerService;
  batchSize?: number;
  /** Safety net in case a NOTIFY is missed (e.g. across a reconnect). */
  pollIntervalMs?: number;
}

/**
 * Relays committed events from a service's log to JetStream, in log order (ADR 0003). One replica
 * at a time holds the leader lock; the checkpoint advances only after JetStream acknowledged every
 * event of the batch, and `Nats-Msg-Id` = event id lets the server drop re-sends after a crash.
 */
export class CommittedEventPublisher {
  private client: pg.Client | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(private readonly options: CommittedEventPublisherOptions) {
    this.batchSize = options.batchSize ?? 256;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.releaseLeadership();
  }

  /** Publishes everything committed so far; returns how many events were sent. */
  async publishPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < this.batchSize) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        if (!(await this.ensureLeadership())) {
          await this.idle(this.pollIntervalMs * 3);
          continue;
        }
        const sent = await this.publishBatch();
        if (sent < this.batchSize) await this.idle(this.pollIntervalMs);
      } catch (error) {
        this.options.logger.error(error, undefined, `Publisher:${this.options.name}`);
        await this.releaseLeadership();
        await this.idle(this.pollIntervalMs);
      }
    }
  }

  private async publishBatch(): Promise<number> {
    const { dataSource, store, checkpoints, name, js, toMessage } = this.options;
    const events = await withConnection(dataSource, async (sql) =>
      store.readAllCommitted(sql, await checkpoints.read(sql, name), this.batchSize),
    );
    const last = events.at(-1);
    if (!last) return 0;
    // One connection keeps publish order; awaiting the acks together keeps the batch fast.
    await Promise.all(
      events.map((event) => {
        const message = toMessage(event);
        return js.publish(message.subject, JSON.stringify(message.payload), {
          msgID: event.eventId,
        });
      }),
    );
    await withConnection(dataSource, (sql) => checkpoints.store(sql, name, positionOf(last)));
    return events.length;
  }

  private async ensureLeadership(): Promise<boolean> {
    if (this.client) return true;
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('error', () => void this.releaseLeadership());
    await client.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
      [`publisher:${this.options.store.schema}:${this.options.name}`],
    );
    if (!rows[0]?.locked) {
      await client.end();
      return false;
    }
    client.on('notification', () => this.wake?.());
    await client.query(`LISTEN ${this.options.store.notifyChannel}`);
    this.client = client;
    return true;
  }

  private async releaseLeadership(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    // Closing the session releases the advisory lock.
    await client?.end().catch(() => undefined);
  }

  private idle(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = () => done();
      this.wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wake = undefined;
    });
  }
}
