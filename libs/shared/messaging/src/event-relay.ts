import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  Checkpoints,
  type PostgresEventStore,
  type RecordedEvent,
} from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import { CommittedEventPublisher, type OutgoingMessage } from './committed-event-publisher.js';
import { ensureEventStream } from './jetstream-streams.js';
import { namespacedStream, namespacedSubject } from './subjects.js';

export interface EventRelayOptions {
  /** Names the relay in logs. */
  name: string;
  nats: NatsConnection;
  namespace: string;
  /** The JetStream streams this service publishes to: stream name and subject prefix. */
  streams: readonly { stream: string; subjectPrefix: string }[];
  dataSource: DataSource;
  databaseUrl: string;
  store: PostgresEventStore;
  /** The service's schema, where the publisher keeps its checkpoint. */
  schema: string;
  toMessage: (event: RecordedEvent) => OutgoingMessage;
  batchSize?: number;
}

/**
 * Creates (or brings in line) a service's event streams and starts relaying its committed events
 * to them (ADR 0004); the caller stops the returned publisher on shutdown.
 */
export async function startEventRelay(
  options: EventRelayOptions,
): Promise<CommittedEventPublisher> {
  const { namespace } = options;
  const jsm = await jetstreamManager(options.nats);
  for (const { stream, subjectPrefix } of options.streams) {
    await ensureEventStream(jsm, {
      name: namespacedStream(namespace, stream),
      subjects: [namespacedSubject(namespace, `${subjectPrefix}.>`)],
    });
  }
  const publisher = new CommittedEventPublisher({
    name: 'jetstream',
    dataSource: options.dataSource,
    databaseUrl: options.databaseUrl,
    store: options.store,
    checkpoints: new Checkpoints(options.schema),
    js: jetstream(options.nats),
    toMessage: options.toMessage,
    logger: new Logger(options.name),
    ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
  });
  publisher.start();
  return publisher;
}
