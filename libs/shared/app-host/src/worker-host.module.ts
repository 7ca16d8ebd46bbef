import { Module, type DynamicModule } from '@nestjs/common';
import {
  createMetricsRegistry,
  ObservabilityModule,
  type HealthCheck,
} from '@helpdesk/shared-observability';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { natsCheck, postgresCheck, redisCheck } from './dependency-checks.js';
import {
  DependenciesModule,
  NATS_CONNECTION,
  REDIS_CONNECTION,
  type DependencyOptions,
} from './dependencies.module.js';

/**
 * Root module for an app whose work is consuming events and running jobs: its connections,
 * readiness over exactly those, metrics, and the app's own modules.
 */
@Module({})
export class WorkerHostModule {
  static forRoot(
    options: DependencyOptions & {
      imports?: DynamicModule[];
      /** The app's metrics registry, when its modules register metrics of their own. */
      registry?: Registry;
    },
  ): DynamicModule {
    const dependencies = DependenciesModule.forRoot(options);
    return {
      module: WorkerHostModule,
      imports: [
        dependencies,
        ObservabilityModule.forRoot({
          registry: options.registry ?? createMetricsRegistry(options.app),
          imports: [dependencies],
          checks: {
            inject: [DataSource, REDIS_CONNECTION, NATS_CONNECTION],
            useFactory: (
              dataSource: DataSource | null,
              redis: Redis | null,
              nats: NatsConnection | null,
            ) =>
              [
                dataSource && postgresCheck(dataSource),
                redis && redisCheck(redis),
                nats && natsCheck(nats),
              ].filter((check): check is HealthCheck => Boolean(check)),
          },
        }),
        ...(options.imports ?? []),
      ],
    };
  }
}
