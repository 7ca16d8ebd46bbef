import { Module, type DynamicModule } from '@nestjs/common';
import { ASSIGNMENT_NATS, AssignmentRuleServiceModule } from '@helpdesk/assignment-infrastructure';
import { natsCheck, postgresCheck } from '@helpdesk/shared-app-host';
import { createMetricsRegistry, ObservabilityModule } from '@helpdesk/shared-observability';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { AssignmentRuleServiceConfig } from './assignment-rule-service.config.js';

@Module({})
export class AppModule {
  static forRoot(config: AssignmentRuleServiceConfig): DynamicModule {
    const registry = createMetricsRegistry('assignment-rule-service');
    const assignment = AssignmentRuleServiceModule.forRoot({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: config.DATABASE_POOL_SIZE,
      natsUrl: config.NATS_URL,
      namespace: config.HELPDESK_NAMESPACE,
      timeZone: config.HELPDESK_TIME_ZONE,
      requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
      metrics: registry,
    });
    return {
      module: AppModule,
      imports: [
        assignment,
        ObservabilityModule.forRoot({
          registry,
          imports: [assignment],
          checks: {
            inject: [DataSource, ASSIGNMENT_NATS],
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
