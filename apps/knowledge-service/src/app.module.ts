import { Module, type DynamicModule } from '@nestjs/common';
import { natsCheck, postgresCheck } from '@helpdesk/shared-app-host';
import { KNOWLEDGE_NATS, KnowledgeServiceModule } from '@helpdesk/knowledge-infrastructure';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { KnowledgeServiceConfig } from './knowledge-service.config.js';

@Module({})
export class AppModule {
  static forRoot(config: KnowledgeServiceConfig): DynamicModule {
    const registry = createMetricsRegistry('knowledge-service');
    const knowledge = KnowledgeServiceModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      natsUrl: config.NATS_URL,
      namespace: config.HELPDESK_NAMESPACE,
      timeZone: config.HELPDESK_TIME_ZONE,
      requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
      templateTimeoutMs: config.TEMPLATE_TIMEOUT_MS,
    });
    return {
      module: AppModule,
      imports: [
        knowledge,
        ObservabilityModule.forRoot({
          registry,
          imports: [knowledge],
          checks: {
            inject: [DataSource, KNOWLEDGE_NATS],
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
