import { Module, type DynamicModule } from '@nestjs/common';
import { connect } from '@nats-io/transport-node';
import {
  createServiceDataSource,
  openMigrated,
  PostgresEventStore,
} from '@helpdesk/shared-event-store';
import { DataSource } from 'typeorm';
import { agreementParts } from './agreements/agreement.providers.js';
import { reckoningParts } from './reckoning/reckoning.providers.js';
import { ServiceRequests } from '@helpdesk/shared-messaging';
import { SLA_SCHEMA, slaMigrations } from './sla.migrations.js';
import { SLA_NATS, SLA_OPTIONS, type SlaServiceOptions } from './sla-service.options.js';

export function createSlaDataSource(
  options: Pick<SlaServiceOptions, 'databaseUrl' | 'databasePoolSize'>,
): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: SLA_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: slaMigrations,
    applicationName: 'sla-service',
  });
}

/** sla-service: its SLA documents and every ticket's SLA clock. */
@Module({})
export class SlaServiceModule {
  static forRoot(options: SlaServiceOptions): DynamicModule {
    const agreements = agreementParts(options);
    const reckoning = reckoningParts(options);
    return {
      module: SlaServiceModule,
      controllers: [...agreements.controllers, ...reckoning.controllers],
      providers: [
        { provide: SLA_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createSlaDataSource(options), SLA_SCHEMA),
        },
        {
          provide: SLA_NATS,
          useFactory: () => connect({ servers: options.natsUrl, name: 'sla-service-events' }),
        },
        {
          provide: ServiceRequests,
          useFactory: () =>
            ServiceRequests.connect({
              namespace: options.namespace,
              natsUrl: options.natsUrl,
              timeoutMs: options.requestTimeoutMs,
              name: 'sla-service-requests',
            }),
        },
        { provide: PostgresEventStore, useValue: new PostgresEventStore(SLA_SCHEMA) },
        ...agreements.providers,
        ...reckoning.providers,
      ],
      exports: [DataSource, SLA_NATS],
    };
  }
}
