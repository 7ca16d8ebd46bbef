import { Module, type DynamicModule } from '@nestjs/common';
import { AGENT_NATS, AgentServiceModule } from '@helpdesk/agent-infrastructure';
import type { NatsConnection } from '@nats-io/transport-node';
import { natsCheck, postgresCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import { DataSource } from 'typeorm';
import type { AgentServiceConfig } from './agent-service.config.js';

@Module({})
export class AppModule {
  static forRoot(config: AgentServiceConfig): DynamicModule {
    const agent = AgentServiceModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      natsUrl: config.NATS_URL,
      namespace: config.HELPDESK_NAMESPACE,
      timeZone: config.HELPDESK_TIME_ZONE,
      ...(config.HELPDESK_ADMIN_PASSWORD ? { adminPassword: config.HELPDESK_ADMIN_PASSWORD } : {}),
      ...(config.HELPDESK_ADMIN_API_KEY
        ? {
            adminKeyPair: {
              apiKey: config.HELPDESK_ADMIN_API_KEY,
              apiSecret: config.HELPDESK_ADMIN_API_SECRET,
            },
          }
        : {}),
    });
    return {
      module: AppModule,
      imports: [
        agent,
        ObservabilityModule.forRoot({
          registry: createMetricsRegistry('agent-service'),
          imports: [agent],
          checks: {
            inject: [DataSource, AGENT_NATS],
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
