import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Sql } from '@helpdesk/shared-event-store';
import {
  DurableConsumer,
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
  type IntegrationEvent,
  type ProcessOutcome,
} from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import { ASSIGNMENT_SCHEMA } from './assignment.migrations.js';

export interface EventIntakeOptions<E extends IntegrationEvent> {
  namespace: string;
  nats: NatsConnection;
  dataSource: DataSource;
  /** The publisher's stream and subject prefix (from its contract). */
  stream: string;
  subjectPrefix: string;
  /** The durable consumer's name, shared by this service's replicas. */
  durable: string;
  handle: (sql: Sql, event: E) => Promise<void>;
  afterCommit?: (event: E) => Promise<void>;
  /** Events applied at once by this replica; each ticket's order is kept by its copy's version. */
  concurrency?: number;
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
    ackWaitMs: 15_000,
  });
  const consumer = new DurableConsumer<E>({
    js: jetstream(nats),
    stream,
    durable: options.durable,
    dataSource: options.dataSource,
    schema: ASSIGNMENT_SCHEMA,
    handle: options.handle,
    ...(options.afterCommit ? { afterCommit: options.afterCommit } : {}),
    logger: new Logger(`Intake:${options.durable}`),
    maxRedeliveryDelayMs: 2_000,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.onProcessed ? { onProcessed: options.onProcessed } : {}),
  });
  await consumer.start();
  return consumer;
}
