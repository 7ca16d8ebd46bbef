import { AGENT_SCHEMA, createAgentDataSource } from '@helpdesk/agent-infrastructure';
import { AGENT_SERVICE_QUEUE } from '@helpdesk/agent-contracts';
import { runMain, runMigrateCommand, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { AgentServiceConfig } from './agent-service.config.js';
import { AppModule } from './app.module.js';

const APP = 'agent-service';

runMain(APP, async () => {
  const config = loadConfig(APP, AgentServiceConfig);
  switch (process.argv[2] ?? 'serve') {
    case 'migrate':
      return runMigrateCommand(
        APP,
        createAgentDataSource({ databaseUrl: config.DATABASE_URL, databasePoolSize: 2 }),
        AGENT_SCHEMA,
      );
    case 'serve':
      return startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: AGENT_SERVICE_QUEUE,
      });
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve or migrate`);
  }
});
