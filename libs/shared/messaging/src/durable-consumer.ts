import type { LoggerService } from '@nestjs/common';
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { assertIdentifier, inTransaction, type Sql } from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';

/** The minimum every published integration event carries. */
export interface IntegrationEvent {
  id: string;
  type: string;
}

export interface DurableConsumerOptions<E extends IntegrationEvent> {
  js: JetStreamClient;
  stream: string;
  durable: string;
  dataSource: DataSource;
  /** Schema of the consuming service; its `inbox` table records what was applied. */
  schema: string;
  handle: (sql: Sql, event: E) => Promise<void>;
  /**
   * Work owed to others once the handler's transaction has committed (an outbox drained): runs
   * after every delivery, a redelivered duplicate too, before the acknowledgement, so a crash or
   * failure in between is retried on redelivery. It must be idempotent.
   */
  afterCommit?: (event: E) => Promise<void>;
  logger: LoggerService;
  maxRedeliveryDelayMs?: number;
  /**
   * Messages applied at once (default 1: strictly one after another). Above 1 the handler must
   * order what needs ordering itself, e.g. by refusing an event that arrives before one it follows.
   */
  concurrency?: number;
  /** Told the outcome of every message (for metrics and tests). */
  onProcessed?: (outcome: ProcessOutcome, eventId: string | undefined) => void;
}

export type ProcessOutcome = 'applied' | 'duplicate' | 'failed';

/**
 * Pull consumer that applies each event exactly once to the consuming service's own state: the
 * handler runs in a transaction that also records the event id in the inbox, and the message is
 * acknowledged only after that transaction commits. A redelivered event finds its id in the inbox
 * and is acknowledged without running the handler again.
 */
export class DurableConsumer<E extends IntegrationEvent> {
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private readonly schema: string;

  constructor(private readonly options: DurableConsumerOptions<E>) {
    this.schema = assertIdentifier(options.schema);
  }

  async start(): Promise<void> {
    const consumer = await this.options.js.consumers.get(this.options.stream, this.options.durable);
    this.messages = await consumer.consume({ max_messages: 64 });
    const messages = this.messages;
    const concurrency = Math.max(1, this.options.concurrency ?? 1);
    this.loop = (async () => {
      const inFlight = new Set<Promise<ProcessOutcome>>();
      for await (const message of messages) {
        const processing: Promise<ProcessOutcome> = this.process(message).finally(() =>
          inFlight.delete(processing),
        );
        inFlight.add(processing);
        if (inFlight.size >= concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    })();
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }

  /** Applies one message; exposed so tests can redeliver a message on purpose. */
  async process(message: JsMsg): Promise<ProcessOutcome> {
    let eventId: string | undefined;
    const outcome = await this.apply(message, (id) => (eventId = id));
    this.options.onProcessed?.(outcome, eventId);
    return outcome;
  }

  private async apply(message: JsMsg, onId: (id: string) => void): Promise<ProcessOutcome> {
    try {
      const event = message.json<E>();
      if (typeof event?.id !== 'string') throw new Error('event without id');
      onId(event.id);
      const applied = await inTransaction(this.options.dataSource, async (sql) => {
        const fresh = await sql.query(
          `INSERT INTO ${this.schema}.inbox (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [this.options.durable, event.id],
        );
        if (fresh.rowCount !== 1) return false;
        await this.options.handle(sql, event);
        return true;
      });
      await this.options.afterCommit?.(event);
      message.ack();
      return applied ? 'applied' : 'duplicate';
    } catch (error) {
      this.options.logger.error(error, undefined, `Consumer:${this.options.durable}`);
      const attempt = message.info.deliveryCount;
      message.nak(Math.min(2 ** attempt * 100, this.options.maxRedeliveryDelayMs ?? 30_000));
      return 'failed';
    }
  }
}
