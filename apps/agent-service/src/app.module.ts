import { Module, type DynamicModule } from '@nestjs/common';
import { AgentServiceModule } from '@helpdesk/agent-infrastructure';
import { postgresCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import { DataSource } from 'typeorm';
import type { AgentServiceConfig } from './agent-service.config.js';

@Module({})
export class AppModule {
  static forRoot(config: AgentServiceConfig): DynamicModule {
    const agent = AgentServiceModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
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
          checks: { inject: [DataSource], useFactory: (ds: DataSource) => [postgresCheck(ds)] },
        }),
      ],
    };
  }
}
