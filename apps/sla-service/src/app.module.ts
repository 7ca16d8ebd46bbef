import { Module, type DynamicModule } from '@nestjs/common';
import { natsCheck, postgresCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import { SLA_NATS, SlaServiceModule } from '@helpdesk/sla-infrastructure';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { SlaServiceConfig } from './sla-service.config.js';

@Module({})
export class AppModule {
  static forRoot(config: SlaServiceConfig): DynamicModule {
    const registry = createMetricsRegistry('sla-service');
    const sla = SlaServiceModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      natsUrl: config.NATS_URL,
      redisUrl: config.REDIS_URL,
      namespace: config.HELPDESK_NAMESPACE,
      timeZone: config.HELPDESK_TIME_ZONE,
      requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
      metrics: registry,
    });
    return {
      module: AppModule,
      imports: [
        sla,
        ObservabilityModule.forRoot({
          registry,
          imports: [sla],
          checks: {
            inject: [DataSource, SLA_NATS],
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
