import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  PEOPLE_EVENTS_STREAM,
  PEOPLE_EVENTS_SUBJECT_PREFIX,
  type PeopleEventV1,
} from '@helpdesk/agent-contracts';
import {
  DurableConsumer,
  ensureDurableConsumer,
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
  type ProcessOutcome,
} from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import { applyPeopleEvent } from './apply-people-event.js';

export const PEOPLE_INTAKE_DURABLE = 'ticket-service-people';

export interface PeopleEventIntakeOptions {
  namespace: string;
  dataSource: DataSource;
  nats: NatsConnection;
  onProcessed?: (outcome: ProcessOutcome, eventId: string | undefined) => void;
}

/**
 * Keeps ticket-service's copy of agent-service's people (users, agents, teams) from the published
 * people events: a durable consumer shared by the replicas, each event applied once, in order.
 */
export class PeopleEventIntake {
  private consumer: DurableConsumer<PeopleEventV1> | undefined;

  constructor(private readonly options: PeopleEventIntakeOptions) {}

  async start(): Promise<void> {
    const { namespace, nats } = this.options;
    const stream = namespacedStream(namespace, PEOPLE_EVENTS_STREAM);
    const jsm = await jetstreamManager(nats);
    await ensureEventStream(jsm, {
      name: stream,
      subjects: [namespacedSubject(namespace, `${PEOPLE_EVENTS_SUBJECT_PREFIX}.>`)],
    });
    await ensureDurableConsumer(jsm, {
      stream,
      durable: PEOPLE_INTAKE_DURABLE,
      filterSubject: namespacedSubject(namespace, `${PEOPLE_EVENTS_SUBJECT_PREFIX}.>`),
    });
    this.consumer = new DurableConsumer<PeopleEventV1>({
      js: jetstream(nats),
      stream,
      durable: PEOPLE_INTAKE_DURABLE,
      dataSource: this.options.dataSource,
      schema: 'ticket',
      handle: applyPeopleEvent,
      logger: new Logger('PeopleEventIntake'),
      maxRedeliveryDelayMs: 2_000,
      ...(this.options.onProcessed ? { onProcessed: this.options.onProcessed } : {}),
    });
    await this.consumer.start();
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }
}
