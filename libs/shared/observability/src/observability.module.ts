import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { HEALTH_CHECKS, HealthController, METRICS_REGISTRY, type HealthCheck } from './health.js';

export interface ObservabilityOptions {
  registry: Registry;
  /** Provider producing the app's `HealthCheck[]`; it may inject the app's connections. */
  checks: Omit<Extract<Provider, { useFactory: unknown }>, 'provide'>;
  /** Modules exporting what `checks` injects (e.g. the app's DataSource). */
  imports?: DynamicModule[];
}

/** Health (`/health/live`, `/health/ready`) and Prometheus (`/metrics`) for every app. */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: options.imports ?? [],
      controllers: [HealthController],
      providers: [
        { provide: METRICS_REGISTRY, useValue: options.registry },
        { provide: HEALTH_CHECKS, ...options.checks } as Provider<HealthCheck[]>,
      ],
      exports: [METRICS_REGISTRY],
    };
  }
}
