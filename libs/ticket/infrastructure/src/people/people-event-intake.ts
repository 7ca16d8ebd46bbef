import type { NatsConnection } from '@nats-io/transport-node';
import {
  PEOPLE_EVENTS_STREAM,
  PEOPLE_EVENTS_SUBJECT_PREFIX,
  type PeopleEventV1,
} from '@helpdesk/agent-contracts';
import {
  startEventIntake,
  type DurableConsumer,
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
  /** Work that follows a committed event (retried on redelivery); must be idempotent. */
  afterCommit?: (event: PeopleEventV1) => Promise<void>;
}

/**
 * Keeps ticket-service's copy of agent-service's people (users, agents, teams, contacts,
 * customer members) from the published people events: a durable consumer shared by the
 * replicas, each event applied once, in each document's order.
 */
export class PeopleEventIntake {
  private consumer: DurableConsumer<PeopleEventV1> | undefined;

  constructor(private readonly options: PeopleEventIntakeOptions) {}

  async start(): Promise<void> {
    const { namespace, nats, dataSource, onProcessed, afterCommit } = this.options;
    this.consumer = await startEventIntake<PeopleEventV1>({
      namespace,
      nats,
      dataSource,
      schema: 'ticket',
      stream: PEOPLE_EVENTS_STREAM,
      subjectPrefix: PEOPLE_EVENTS_SUBJECT_PREFIX,
      durable: PEOPLE_INTAKE_DURABLE,
      handle: applyPeopleEvent,
      ackWaitMs: 30_000,
      ...(onProcessed ? { onProcessed } : {}),
      ...(afterCommit ? { afterCommit } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }
}
