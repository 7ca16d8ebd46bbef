import { Module, type DynamicModule } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createServiceDataSource, openMigrated } from '@helpdesk/shared-event-store';
import {
  agentDashboardMethods,
  agentHomeMethods,
  dashboardMethods,
  ticketStatsMethods,
  type MetricsClock,
} from '@helpdesk/metrics-application';
import { METRICS_SERVICE } from '@helpdesk/metrics-contracts';
import { TICKET_SERVICE_METHODS } from '@helpdesk/ticket-contracts';
import {
  methodMessagesController,
  ServiceRequests,
  type MethodRegistry,
} from '@helpdesk/shared-messaging';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { ConversationJobs } from './conversation-jobs.js';
import { DashboardIntake } from './dashboard/dashboard-intake.js';
import { DashboardProjection } from './dashboard/dashboard-projection.js';
import { PostgresDashboardReads } from './dashboard/postgres-dashboard-reads.js';
import { PostgresStatsReads } from './dashboard/postgres-stats-reads.js';
import { METRICS_SCHEMA, metricsMigrations } from './metrics.migrations.js';
import { MetricsIntakes } from './metrics-intakes.js';
import {
  METRICS_NATS,
  METRICS_OPTIONS,
  type MetricsWorkerOptions,
} from './metrics-worker.options.js';
import { ResponseMetricsDispatcher } from './response-metrics-dispatcher.js';
import { TicketConversations } from './ticket-conversations.js';
import { RpcAgentDashboardSources } from './agent-home/rpc-agent-dashboard-sources.js';
import { RpcContactCards } from './agent-home/rpc-contact-cards.js';

export function createMetricsDataSource(
  options: Pick<MetricsWorkerOptions, 'databaseUrl' | 'databasePoolSize'>,
): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: METRICS_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: metricsMigrations,
    applicationName: 'metrics-worker',
  });
}

const METRICS_METHODS = Symbol('METRICS_METHODS');

/**
 * metrics-worker: the conversation copies, their BullMQ workers and the figures they send; the
 * dashboards' projection and the dashboards, ticket stats and agent home served from it.
 */
@Module({})
export class MetricsWorkerModule {
  static forRoot(options: MetricsWorkerOptions): DynamicModule {
    const jobsDone = new Counter({
      name: 'helpdesk_metrics_jobs_total',
      help: 'Metrics jobs completed: ticket-event (one event applied) or calendar (recomputation)',
      labelNames: ['kind'],
      registers: [options.metrics],
    });
    const sent = new Counter({
      name: 'helpdesk_metrics_figures_sent_total',
      help: 'Figures sent to ticket-service: applied, or unchanged (nothing differed)',
      labelNames: ['outcome'],
      registers: [options.metrics],
    });
    const dashboardEvents = new Counter({
      name: 'helpdesk_metrics_dashboard_events_total',
      help: 'Ticket events applied to the dashboards projection',
      registers: [options.metrics],
    });
    const clock: MetricsClock = { now: () => new Date(), timeZone: options.timeZone };
    return {
      module: MetricsWorkerModule,
      controllers: [methodMessagesController(METRICS_SERVICE, METRICS_METHODS)],
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createMetricsDataSource(options), METRICS_SCHEMA),
        },
        {
          provide: METRICS_NATS,
          useFactory: () => connect({ servers: options.natsUrl, name: 'metrics-worker-events' }),
        },
        {
          provide: ServiceRequests,
          useFactory: () =>
            ServiceRequests.connect({
              namespace: options.namespace,
              natsUrl: options.natsUrl,
              timeoutMs: options.requestTimeoutMs,
              name: 'metrics-worker-requests',
            }),
        },
        {
          provide: TicketConversations,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new TicketConversations(dataSource, options.timeZone),
        },
        {
          provide: ResponseMetricsDispatcher,
          inject: [DataSource, ServiceRequests],
          useFactory: (dataSource: DataSource, requests: ServiceRequests) =>
            new ResponseMetricsDispatcher(dataSource, requests, (outcome) => sent.inc({ outcome })),
        },
        {
          provide: ConversationJobs,
          inject: [TicketConversations, ResponseMetricsDispatcher],
          useFactory: (conversations: TicketConversations, dispatcher: ResponseMetricsDispatcher) =>
            new ConversationJobs(
              conversations,
              dispatcher,
              {
                url: options.redisUrl,
                namespace: options.namespace,
                concurrency: options.concurrency,
              },
              (kind) => jobsDone.inc({ kind }),
            ),
        },
        {
          provide: DashboardIntake,
          inject: [DataSource, METRICS_NATS],
          useFactory: (dataSource: DataSource, nats: NatsConnection) =>
            new DashboardIntake({
              namespace: options.namespace,
              nats,
              dataSource,
              projection: new DashboardProjection(options.timeZone),
              batchSize: options.dashboardBatchSize,
              onBatch: (events) => dashboardEvents.inc(events),
            }),
        },
        {
          provide: METRICS_METHODS,
          inject: [DataSource, ServiceRequests],
          useFactory: (dataSource: DataSource, requests: ServiceRequests): MethodRegistry => {
            const stats = new PostgresStatsReads(dataSource, options.timeZone);
            const agentHome = agentHomeMethods(stats, clock, new RpcContactCards(requests));
            return new Map([
              ...dashboardMethods(new PostgresDashboardReads(dataSource), clock),
              ...ticketStatsMethods(stats, clock),
              ...agentHome,
              ...agentDashboardMethods(
                agentHome,
                TICKET_SERVICE_METHODS,
                new RpcAgentDashboardSources(requests),
              ),
            ]);
          },
        },
        MetricsIntakes,
      ],
      exports: [DataSource, METRICS_NATS],
    };
  }
}
