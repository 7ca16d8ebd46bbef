import { Module, type DynamicModule } from '@nestjs/common';
import { natsCheck, postgresCheck } from '@helpdesk/shared-app-host';
import { METRICS_NATS, MetricsWorkerModule } from '@helpdesk/metrics-infrastructure';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { MetricsWorkerConfig } from './metrics-worker.config.js';

@Module({})
export class AppModule {
  static forRoot(config: MetricsWorkerConfig): DynamicModule {
    const registry = createMetricsRegistry('metrics-worker');
    const metrics = MetricsWorkerModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      natsUrl: config.NATS_URL,
      redisUrl: config.REDIS_URL,
      namespace: config.HELPDESK_NAMESPACE,
      timeZone: config.HELPDESK_TIME_ZONE,
      requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
      concurrency: config.METRICS_WORKER_CONCURRENCY,
      dashboardBatchSize: config.METRICS_DASHBOARD_BATCH_SIZE,
      metrics: registry,
    });
    return {
      module: AppModule,
      imports: [
        metrics,
        ObservabilityModule.forRoot({
          registry,
          imports: [metrics],
          checks: {
            inject: [DataSource, METRICS_NATS],
            useFactory: (dataSource: DataSource, nats: NatsConnection) => [
              postgresCheck(dataSource),
              natsCheck(nats),
            ],
          },
        }),
      ],
    };
  }
}
