import {
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createServiceDataSource, openMigrated } from '@helpdesk/shared-event-store';
import { DataSource } from 'typeorm';
import { AgentMessagesController } from './agent-messages.controller.js';
import { AGENT_SCHEMA, agentMigrations } from './agent.migrations.js';
import { ApiKeyUsers, type IssuedKeyPair } from './api-key-users.js';

export interface AgentServiceOptions {
  databaseUrl: string;
  databasePoolSize: number;
  adminKeyPair?: IssuedKeyPair;
}

const AGENT_OPTIONS = Symbol('AGENT_OPTIONS');

export function createAgentDataSource(options: AgentServiceOptions): DataSource {
  return createServiceDataSource({
    url: options.databaseUrl,
    schema: AGENT_SCHEMA,
    poolSize: options.databasePoolSize,
    migrations: agentMigrations,
    applicationName: 'agent-service',
  });
}

class AdministratorBootstrap implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Administrator');

  constructor(
    @Inject(AGENT_OPTIONS) private readonly options: AgentServiceOptions,
    @Inject(ApiKeyUsers) private readonly users: ApiKeyUsers,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const issued = await this.users.ensureAdministrator(this.options.adminKeyPair);
    if (issued) {
      // Shown once: only a hash of the secret is kept.
      this.logger.warn({
        msg: 'generated an API key pair for Administrator; store it now, the secret is not shown again',
        apiKey: issued.apiKey,
        apiSecret: issued.apiSecret,
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Module({})
export class AgentServiceModule {
  static forRoot(options: AgentServiceOptions): DynamicModule {
    return {
      module: AgentServiceModule,
      controllers: [AgentMessagesController],
      providers: [
        { provide: AGENT_OPTIONS, useValue: options },
        {
          provide: DataSource,
          useFactory: () => openMigrated(createAgentDataSource(options), AGENT_SCHEMA),
        },
        {
          provide: ApiKeyUsers,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new ApiKeyUsers(ds),
        },
        AdministratorBootstrap,
      ],
      exports: [DataSource],
    };
  }
}
