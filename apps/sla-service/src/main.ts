import { runMain, runMigrateCommand, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { SLA_SERVICE_QUEUE } from '@helpdesk/sla-contracts';
import { createSlaDataSource, SLA_SCHEMA } from '@helpdesk/sla-infrastructure';
import { AppModule } from './app.module.js';
import { SlaServiceConfig } from './sla-service.config.js';

const APP = 'sla-service';

runMain(APP, async () => {
  const config = loadConfig(APP, SlaServiceConfig);
  switch (process.argv[2] ?? 'serve') {
    case 'migrate':
      return runMigrateCommand(
        APP,
        createSlaDataSource({ databaseUrl: config.DATABASE_URL, databasePoolSize: 2 }),
        SLA_SCHEMA,
      );
    case 'serve':
      return startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: SLA_SERVICE_QUEUE,
      });
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve or migrate`);
  }
});
