import { runMain, runMigrateCommand, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { KNOWLEDGE_SERVICE_QUEUE } from '@helpdesk/knowledge-contracts';
import { createKnowledgeDataSource, KNOWLEDGE_SCHEMA } from '@helpdesk/knowledge-infrastructure';
import { AppModule } from './app.module.js';
import { KnowledgeServiceConfig } from './knowledge-service.config.js';

const APP = 'knowledge-service';

runMain(APP, async () => {
  const config = loadConfig(APP, KnowledgeServiceConfig);
  switch (process.argv[2] ?? 'serve') {
    case 'migrate':
      return runMigrateCommand(
        APP,
        createKnowledgeDataSource({ databaseUrl: config.DATABASE_URL, databasePoolSize: 2 }),
        KNOWLEDGE_SCHEMA,
      );
    case 'serve':
      return startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: KNOWLEDGE_SERVICE_QUEUE,
      });
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve or migrate`);
  }
});
