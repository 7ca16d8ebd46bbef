import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { inTransaction } from '@helpdesk/shared-event-store';
import {
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';
import type { BatchOutcome, DashboardProjection } from './dashboard-projection.js';

/** The replicas share this durable consumer; each batch of events is applied by one of them. */
export const DASHBOARD_DURABLE = 'metrics-worker-dashboard';

/** How long a batch waits for more events once it has one (a lone event is not held longer). */
const LINGER_MS = 5;

export interface DashboardIntakeOptions {
  namespace: string;
  nats: NatsConnection;
  dataSource: DataSource;
  projection: DashboardProjection;
  /** Events applied per transaction at most. */
  batchSize: number;
  /** Told of every batch applied (metrics and tests). */
  onBatch?: (events: number, outcome: BatchOutcome) => void;
}

/**
 * Feeds the dashboards' projection from the published ticket events, in batches: whatever has
 * arrived (up to `batchSize`) is applied in one transaction and acknowledged after it commits.
 * A failed batch is redelivered as a whole; applying an event twice changes nothing, and the
 * events of a ticket may arrive in any order.
 */
export class DashboardIntake {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private readonly logger = new Logger('DashboardIntake');

  constructor(private readonly options: DashboardIntakeOptions) {}

  async start(): Promise<void> {
    const { namespace, nats, batchSize } = this.options;
    const stream = namespacedStream(namespace, TICKET_EVENTS_STREAM);
    const subjects = namespacedSubject(namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`);
    const jsm = await jetstreamManager(nats);
    await ensureEventStream(jsm, { name: stream, subjects: [subjects] });
    await ensureDurableConsumer(jsm, {
      stream,
      durable: DASHBOARD_DURABLE,
      filterSubject: subjects,
      ackWaitMs: 60_000,
      maxAckPending: batchSize * 4,
    });
    const consumer = await jetstream(nats).consumers.get(stream, DASHBOARD_DURABLE);
    const messages = await consumer.consume({ max_messages: batchSize * 2 });
    this.messages = messages;
    this.loop = this.run(messages);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    const iterator = messages[Symbol.asyncIterator]();
    let next = iterator.next();
    for (;;) {
      const first = await next;
      if (first.done) return;
      const batch: JsMsg[] = [first.value];
      next = iterator.next();
      const deadline = Date.now() + LINGER_MS;
      while (batch.length < this.options.batchSize) {
        const more = await within(next, deadline - Date.now());
        if (more === undefined) break;
        if (more.done) {
          await this.apply(batch);
          return;
        }
        batch.push(more.value);
        next = iterator.next();
      }
      await this.apply(batch);
    }
  }

  /** Applies one batch; on failure every message in it is redelivered after a pause. */
  private async apply(batch: JsMsg[]): Promise<void> {
    const events: TicketEventV1[] = [];
    const kept: JsMsg[] = [];
    for (const message of batch) {
      const event = readEvent(message);
      if (event) {
        events.push(event);
        kept.push(message);
      } else {
        this.logger.warn({
          msg: 'dropped a ticket event that is not one',
          subject: message.subject,
        });
        message.term();
      }
    }
    if (kept.length === 0) return;
    try {
      const outcome = await inTransaction(this.options.dataSource, (sql) =>
        this.options.projection.apply(sql, events),
      );
      for (const message of kept) message.ack();
      this.options.onBatch?.(kept.length, outcome);
    } catch (error) {
      const attempt = Math.max(...kept.map((message) => message.info.deliveryCount));
      this.logger.warn({
        msg: 'dashboard batch failed; redelivered',
        events: kept.length,
        error: String(error),
      });
      for (const message of kept) message.nak(Math.min(2 ** attempt * 100, 5_000));
    }
  }
}

/** The iterator's next result if it comes within `ms`, else undefined (it stays pending). */
async function within<T>(pending: Promise<T>, ms: number): Promise<T | undefined> {
  if (ms <= 0) ms = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function readEvent(message: JsMsg): TicketEventV1 | undefined {
  try {
    const event = message.json<TicketEventV1>();
    return typeof event?.id === 'string' &&
      typeof event.type === 'string' &&
      Number.isSafeInteger(event.ticket) &&
      Number.isSafeInteger(event.ticketVersion)
      ? event
      : undefined;
  } catch {
    return undefined;
  }
}
