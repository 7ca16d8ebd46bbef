import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { conversationChangeOf } from '@helpdesk/metrics-application';
import { startEventIntake, type DurableConsumer } from '@helpdesk/shared-messaging';
import {
  SLA_EVENTS_STREAM,
  SLA_EVENTS_SUBJECT_PREFIX,
  type SlaEventV1,
} from '@helpdesk/sla-contracts';
import {
  TICKET_EVENTS_STREAM,
  TICKET_EVENTS_SUBJECT_PREFIX,
  type TicketEventV1,
} from '@helpdesk/ticket-contracts';
import { DataSource } from 'typeorm';
import { ConversationJobs } from './conversation-jobs.js';
import { DashboardIntake } from './dashboard/dashboard-intake.js';
import { METRICS_SCHEMA } from './metrics.migrations.js';
import {
  METRICS_NATS,
  METRICS_OPTIONS,
  type MetricsWorkerOptions,
} from './metrics-worker.options.js';
import { ResponseMetricsDispatcher } from './response-metrics-dispatcher.js';
import { SlaCalendarCopies } from './sla-calendar-copies.js';

export const TICKET_METRICS_DURABLE = 'metrics-worker-tickets';
export const SLA_CALENDARS_DURABLE = 'metrics-worker-sla';
/** Ticket events handed to BullMQ at once per replica; order does not matter to the copies. */
const TICKET_INTAKE_CONCURRENCY = 16;
const SWEEP_INTERVAL_MS = 15_000;

/**
 * Starts and stops the metrics workers: the ticket events become BullMQ jobs (acknowledged once
 * queued) and feed the dashboards' projection in batches, the SLA events update the calendar
 * copies and queue the recomputations, a sweep sends figures a crash left owed. On shutdown the workers finish their jobs, NATS drains, and the pool
 * closes last.
 */
@Injectable()
export class MetricsIntakes implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: DurableConsumer<never>[] = [];
  private sweep: NodeJS.Timeout | undefined;
  private readonly calendars = new SlaCalendarCopies();
  private readonly logger = new Logger('MetricsIntakes');

  constructor(
    @Inject(METRICS_OPTIONS) private readonly options: MetricsWorkerOptions,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(METRICS_NATS) private readonly nats: NatsConnection,
    @Inject(ConversationJobs) private readonly jobs: ConversationJobs,
    @Inject(ResponseMetricsDispatcher) private readonly dispatcher: ResponseMetricsDispatcher,
    @Inject(DashboardIntake) private readonly dashboard: DashboardIntake,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { namespace } = this.options;
    this.jobs.start();
    const slaChanges = new Map<string, string[]>();
    const calendars = await startEventIntake<SlaEventV1>({
      namespace,
      nats: this.nats,
      dataSource: this.dataSource,
      schema: METRICS_SCHEMA,
      stream: SLA_EVENTS_STREAM,
      subjectPrefix: SLA_EVENTS_SUBJECT_PREFIX,
      durable: SLA_CALENDARS_DURABLE,
      handle: async (sql, event) => {
        slaChanges.set(event.id, await this.calendars.apply(sql, event));
      },
      afterCommit: async (event) => {
        const slas = slaChanges.get(event.id);
        slaChanges.delete(event.id);
        // A redelivered event finds its copy applied: recompute its SLA's tickets to be sure.
        await this.jobs.enqueueCalendarChange(event.id, slas ?? affectedSlas(event));
      },
    });
    const tickets = await startEventIntake<TicketEventV1>({
      namespace,
      nats: this.nats,
      dataSource: this.dataSource,
      schema: METRICS_SCHEMA,
      stream: TICKET_EVENTS_STREAM,
      subjectPrefix: TICKET_EVENTS_SUBJECT_PREFIX,
      durable: TICKET_METRICS_DURABLE,
      concurrency: TICKET_INTAKE_CONCURRENCY,
      handle: async () => undefined,
      afterCommit: async (event) => {
        const change = conversationChangeOf(event);
        if (change) await this.jobs.enqueueTicketChange(event.id, change);
      },
    });
    this.consumers.push(calendars as DurableConsumer<never>, tickets as DurableConsumer<never>);
    await this.dashboard.start();
    this.sweep = setInterval(() => void this.sendOwed(), SWEEP_INTERVAL_MS);
    this.sweep.unref();
    void this.sendOwed();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    await this.dashboard.stop();
    for (const consumer of this.consumers) await consumer.stop();
    await this.jobs.close();
    await this.nats.drain().catch(() => undefined);
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async sendOwed(): Promise<void> {
    try {
      for (const ticket of await this.dispatcher.owed(500)) await this.dispatcher.dispatch(ticket);
    } catch (error) {
      this.logger.warn(`owed figures not sent yet: ${(error as Error).message}`);
    }
  }
}

/** The SLAs an event names directly; a holiday list's SLAs are found when it is applied. */
function affectedSlas(event: SlaEventV1): string[] {
  return event.doctype === 'HD Service Level Agreement' ? [event.name] : [];
}
