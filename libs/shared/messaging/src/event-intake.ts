import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Sql } from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import { DurableConsumer, type IntegrationEvent, type ProcessOutcome } from './durable-consumer.js';
import { ensureDurableConsumer, ensureEventStream } from './jetstream-streams.js';
import { namespacedStream, namespacedSubject } from './subjects.js';

export interface EventIntakeOptions<E extends IntegrationEvent> {
  namespace: string;
  nats: NatsConnection;
  dataSource: DataSource;
  /** The consuming service's schema, whose `inbox` records what was applied. */
  schema: string;
  /** The publisher's stream and subject prefix (from its contract). */
  stream: string;
  subjectPrefix: string;
  /** The durable consumer's name, shared by this service's replicas. */
  durable: string;
  handle: (sql: Sql, event: E) => Promise<void>;
  afterCommit?: (event: E) => Promise<void>;
  /** Events applied at once by this replica (see `DurableConsumerOptions.concurrency`). */
  concurrency?: number;
  /** Redelivery back-off cap; 2 s by default. */
  maxRedeliveryDelayMs?: number;
  /** How long the broker waits for an ack before redelivering; 15 s by default. */
  ackWaitMs?: number;
  onProcessed?: (outcome: ProcessOutcome, eventId: string | undefined) => void;
}

/**
 * A durable pull consumer of another service's published events, shared by the replicas: each
 * event is applied once on this service's schema (the inbox records it), then `afterCommit` runs.
 */
export async function startEventIntake<E extends IntegrationEvent>(
  options: EventIntakeOptions<E>,
): Promise<DurableConsumer<E>> {
  const { namespace, nats } = options;
  const stream = namespacedStream(namespace, options.stream);
  const subjects = namespacedSubject(namespace, `${options.subjectPrefix}.>`);
  const jsm = await jetstreamManager(nats);
  await ensureEventStream(jsm, { name: stream, subjects: [subjects] });
  await ensureDurableConsumer(jsm, {
    stream,
    durable: options.durable,
    filterSubject: subjects,
    ackWaitMs: options.ackWaitMs ?? 15_000,
  });
  const consumer = new DurableConsumer<E>({
    js: jetstream(nats),
    stream,
    durable: options.durable,
    dataSource: options.dataSource,
    schema: options.schema,
    handle: options.handle,
    ...(options.afterCommit ? { afterCommit: options.afterCommit } : {}),
    logger: new Logger(`Intake:${options.durable}`),
    maxRedeliveryDelayMs: options.maxRedeliveryDelayMs ?? 2_000,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.onProcessed ? { onProcessed: options.onProcessed } : {}),
  });
  await consumer.start();
  return consumer;
}
