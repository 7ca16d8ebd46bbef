import { Logger } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { startEventIntake } from '@helpdesk/shared-messaging';
import {
  CATALOGUE_EVENTS_STREAM,
  CATALOGUE_EVENTS_SUBJECT_PREFIX,
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type CatalogueEventV1,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';
import { TICKET_SCHEMA } from '../ticket.migrations.js';
import type { AutoCloseTimers } from './auto-close-timers.js';

export const AUTO_CLOSE_TICKETS_DURABLE = 'ticket-service-auto-close';
export const AUTO_CLOSE_SETTINGS_DURABLE = 'ticket-service-auto-close-settings';

/**
 * Ticket events that can move a ticket's auto-close due time: its status, a new Communication,
 * Communications copied in by a merge or moved by a split, and its deletion.
 */
const RESCHEDULING = new Set(
  [
    'status-changed',
    'agent-replied',
    'customer-replied',
    'merged',
    'split',
    'split-from',
    'deleted',
  ].map((kind) => `${TICKET_EVENTS_SUBJECT_PREFIX}.${kind}`),
);

/** The HD Settings fields auto-close reads. */
const AUTO_CLOSE_SETTINGS = ['auto_close_tickets', 'auto_close_after_days', 'auto_close_status'];

export interface TicketAutoCloseOptions {
  namespace: string;
  nats: NatsConnection;
  dataSource: DataSource;
  timers: AutoCloseTimers;
}

/**
 * Keeps the auto-close jobs in step with the tickets: ticket-service's own published ticket
 * events reschedule the ticket they are about, an auto-close change in HD Settings reschedules
 * every ticket, and every start rebuilds the jobs from the read model (a flushed Redis loses
 * nothing). Both intakes are durable consumers shared by the replicas, after the events
 * committed.
 */
export class TicketAutoClose {
  private readonly consumers: { stop(): Promise<void> }[] = [];
  private rebuilt: Promise<unknown> = Promise.resolve();
  private readonly logger = new Logger('TicketAutoClose');

  constructor(private readonly options: TicketAutoCloseOptions) {}

  async start(): Promise<void> {
    const { namespace, nats, dataSource, timers } = this.options;
    timers.start();
    const tickets = await startEventIntake<TicketEventV1>({
      namespace,
      nats,
      dataSource,
      schema: TICKET_SCHEMA,
      stream: TICKET_EVENTS_STREAM,
      subjectPrefix: TICKET_EVENTS_SUBJECT_PREFIX,
      durable: AUTO_CLOSE_TICKETS_DURABLE,
      concurrency: 4,
      handle: async () => undefined,
      afterCommit: async (event) => {
        if (RESCHEDULING.has(event.type)) await timers.sync(event.ticket);
      },
    });
    const settings = await startEventIntake<CatalogueEventV1>({
      namespace,
      nats,
      dataSource,
      schema: TICKET_SCHEMA,
      stream: CATALOGUE_EVENTS_STREAM,
      subjectPrefix: CATALOGUE_EVENTS_SUBJECT_PREFIX,
      durable: AUTO_CLOSE_SETTINGS_DURABLE,
      handle: async () => undefined,
      afterCommit: async (event) => {
        if (touchesAutoClose(event)) await timers.enqueueRescheduleAll(event.id);
      },
    });
    this.consumers.push(tickets, settings);
    this.rebuilt = timers
      .rescheduleAll()
      .then((count) => this.logger.log(`auto-close jobs in place for ${count} tickets`))
      .catch((error: unknown) => this.logger.error(error));
  }

  async stop(): Promise<void> {
    for (const consumer of this.consumers.splice(0)) await consumer.stop();
    await this.rebuilt;
    await this.options.timers.close();
  }
}

function touchesAutoClose(event: CatalogueEventV1): boolean {
  return (
    event.type === 'helpdesk.catalogue.v1.settings-changed' &&
    AUTO_CLOSE_SETTINGS.some((field) => Object.hasOwn(event.data, field))
  );
}
