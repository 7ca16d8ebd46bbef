import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { TicketSlaClock, type ClockTicketEvent } from '@helpdesk/sla-application';
import {
  SLA_EVENTS_STREAM,
  SLA_EVENTS_SUBJECT_PREFIX,
  type SlaEventV1,
} from '@helpdesk/sla-contracts';
import { startEventIntake, type DurableConsumer } from '@helpdesk/shared-messaging';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import { DataSource } from 'typeorm';
import { SLA_SCHEMA } from '../sla.migrations.js';
import { SLA_NATS, SLA_OPTIONS, type SlaServiceOptions } from '../sla-service.options.js';
import { DeadlineTimers } from './deadline-timers.js';
import { RecomputeJobs } from './recompute-jobs.js';
import { ReckoningDispatcher } from './reckoning-dispatcher.js';

export const TICKET_CLOCK_DURABLE = 'sla-service-tickets';
export const SLA_RECOMPUTE_DURABLE = 'sla-service-recompute';
/**
 * Ticket events in flight per replica. One ticket's events that overtake each other are refused
 * by the clock's version and redelivered in order.
 */
const TICKET_INTAKE_CONCURRENCY = 4;
/** How often owed reckonings left behind by a crash are looked for. */
const SWEEP_INTERVAL_MS = 15_000;

/**
 * Starts and stops the reckoning: the ticket events feeding every clock, sla-service's own SLA
 * events triggering recomputation, the BullMQ workers of both, the timers rebuilt from the
 * clocks at start (a flushed Redis loses nothing), and the sweep of owed reckonings. On
 * shutdown it drains the NATS connection and closes the pool last.
 */
@Injectable()
export class ReckoningIntakes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: DurableConsumer<never>[] = [];
  private sweep: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('ReckoningIntakes');

  constructor(
    @Inject(SLA_OPTIONS) private readonly options: SlaServiceOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SLA_NATS) private readonly nats: NatsConnection,
    @Inject(TicketSlaClock) private readonly clock: TicketSlaClock,
    @Inject(ReckoningDispatcher) private readonly dispatcher: ReckoningDispatcher,
    @Inject(DeadlineTimers) private readonly timers: DeadlineTimers,
    @Inject(RecomputeJobs) private readonly recompute: RecomputeJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace } = this.options;
    this.timers.start();
    this.recompute.start();
    const tickets = await startEventIntake<TicketEventV1>({
      namespace,
      nats: this.nats,
      dataSource: this.dataSource,
      schema: SLA_SCHEMA,
      stream: TICKET_EVENTS_STREAM,
      subjectPrefix: TICKET_EVENTS_SUBJECT_PREFIX,
      durable: TICKET_CLOCK_DURABLE,
      concurrency: TICKET_INTAKE_CONCURRENCY,
      handle: (sql, event) => this.clock.apply(sql, event as ClockTicketEvent),
      afterCommit: async (event) => {
        await this.dispatcher.dispatch(event.ticket);
        await this.timers.sync(event.ticket);
      },
    });
    const policies = await startEventIntake<SlaEventV1>({
      namespace,
      nats: this.nats,
      dataSource: this.dataSource,
      schema: SLA_SCHEMA,
      stream: SLA_EVENTS_STREAM,
      subjectPrefix: SLA_EVENTS_SUBJECT_PREFIX,
      durable: SLA_RECOMPUTE_DURABLE,
      handle: async () => undefined,
      afterCommit: (event) => this.recompute.enqueueFor(event),
    });
    this.consumers.push(tickets as DurableConsumer<never>, policies as DurableConsumer<never>);
    this.sweep = setInterval(() => void this.sendOwed(), SWEEP_INTERVAL_MS);
    this.sweep.unref();
    void this.timers
      .rebuild()
      .then((count) => this.logger.log(`deadline timers in place for ${count} tickets`))
      .catch((error: unknown) => this.logger.error(error));
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    for (const consumer of this.consumers) await consumer.stop();
    await this.timers.close();
    await this.recompute.close();
    await this.nats.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async sendOwed(): Promise<void> {
    try {
      for (const ticket of await this.dispatcher.owed(500)) {
        await this.dispatcher.dispatch(ticket);
        await this.timers.sync(ticket);
      }
    } catch (error) {
      this.logger.error(error);
    }
  }
}
