import { Module, type DynamicModule } from '@nestjs/common';
import { natsCheck, postgresCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import { TICKET_NATS, TicketServiceModule } from '@helpdesk/ticket-infrastructure';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { TicketServiceConfig } from './ticket-service.config.js';

@Module({})
export class AppModule {
  static forRoot(config: TicketServiceConfig): DynamicModule {
    const ticket = TicketServiceModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      natsUrl: config.NATS_URL,
      redisUrl: config.REDIS_URL,
      namespace: config.HELPDESK_NAMESPACE,
      timeZone: config.HELPDESK_TIME_ZONE,
      publishBatchSize: config.EVENT_PUBLISH_BATCH_SIZE,
    });
    return {
      module: AppModule,
      imports: [
        ticket,
        ObservabilityModule.forRoot({
          registry: createMetricsRegistry('ticket-service'),
          imports: [ticket],
          checks: {
            inject: [DataSource, TICKET_NATS],
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
