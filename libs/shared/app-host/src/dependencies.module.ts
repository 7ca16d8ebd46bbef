import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { createServiceDataSource, runMigrations } from '@helpdesk/shared-event-store';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const REDIS_CONNECTION = Symbol('REDIS_CONNECTION');

export interface DependencyOptions {
  app: string;
  postgres?: { url: string; schema: string; poolSize: number };
  redis?: { url: string };
  nats?: { url: string };
}

/** Closes whatever connections the app opened, after Nest has stopped using them. */
class ConnectionCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource | null,
    @Inject(REDIS_CONNECTION) private readonly redis: Redis | null,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.nats?.drain().catch(() => undefined);
    await this.redis?.quit().catch(() => undefined);
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
  }
}

/** The connections an app declares it needs: its Postgres schema, Redis and NATS. */
@Module({})
export class DependenciesModule {
  static forRoot(options: DependencyOptions): DynamicModule {
    const { postgres, redis, nats } = options;
    const providers: Provider[] = [
      {
        provide: DataSource,
        useFactory: async () => {
          if (!postgres) return null;
          const dataSource = await createServiceDataSource({
            url: postgres.url,
            schema: postgres.schema,
            poolSize: postgres.poolSize,
            migrations: [],
            applicationName: options.app,
          }).initialize();
          await runMigrations(dataSource, postgres.schema);
          return dataSource;
        },
      },
      {
        provide: REDIS_CONNECTION,
        useFactory: () => (redis ? new Redis(redis.url, { maxRetriesPerRequest: null }) : null),
      },
      {
        provide: NATS_CONNECTION,
        useFactory: () => (nats ? connect({ servers: nats.url, name: options.app }) : null),
      },
      ConnectionCloser,
    ];
    return {
      module: DependenciesModule,
      providers,
      exports: [DataSource, REDIS_CONNECTION, NATS_CONNECTION],
    };
  }
}
