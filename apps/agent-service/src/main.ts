import { AGENT_SCHEMA, createAgentDataSource } from '@helpdesk/agent-infrastructure';
import { AGENT_SERVICE_QUEUE } from '@helpdesk/agent-contracts';
import { runMain, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { runMigrations } from '@helpdesk/shared-event-store';
import { AgentServiceConfig } from './agent-service.config.js';
import { AppModule } from './app.module.js';

const APP = 'agent-service';

runMain(APP, async () => {
  const config = loadConfig(APP, AgentServiceConfig);
  switch (process.argv[2]) {
    case 'migrate': {
      const dataSource = await createAgentDataSource({
        databaseUrl: config.DATABASE_URL,
        databasePoolSize: 2,
      }).initialize();
      const applied = await runMigrations(dataSource, AGENT_SCHEMA);
      console.log(JSON.stringify({ app: APP, migrated: applied }));
      await dataSource.destroy();
      return;
    }
    case undefined:
    case 'serve':
      await startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: AGENT_SERVICE_QUEUE,
      });
      return;
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve or migrate`);
  }
});
