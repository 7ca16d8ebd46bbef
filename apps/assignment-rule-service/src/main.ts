import { ASSIGNMENT_SERVICE_QUEUE } from '@helpdesk/assignment-contracts';
import { ASSIGNMENT_SCHEMA, createAssignmentDataSource } from '@helpdesk/assignment-infrastructure';
import { runMain, runMigrateCommand, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { AppModule } from './app.module.js';
import { AssignmentRuleServiceConfig } from './assignment-rule-service.config.js';

const APP = 'assignment-rule-service';

runMain(APP, async () => {
  const config = loadConfig(APP, AssignmentRuleServiceConfig);
  switch (process.argv[2] ?? 'serve') {
    case 'migrate':
      return runMigrateCommand(
        APP,
        createAssignmentDataSource({ databaseUrl: config.DATABASE_URL, databasePoolSize: 2 }),
        ASSIGNMENT_SCHEMA,
      );
    case 'serve':
      return startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: ASSIGNMENT_SERVICE_QUEUE,
      });
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve or migrate`);
  }
});
