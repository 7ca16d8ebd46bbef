import { runMain, startHost, WorkerHostModule } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { AssignmentRuleServiceConfig } from './assignment-rule-service.config.js';

const APP = 'assignment-rule-service';

// Hosts this service's consumers and workers; its domain modules are added to `imports`.
runMain(APP, async () => {
  const config = loadConfig(APP, AssignmentRuleServiceConfig);
  await startHost({
    app: APP,
    config,
    module: WorkerHostModule.forRoot({
      app: APP,
      postgres: {
        url: config.DATABASE_URL,
        schema: 'assignment',
        poolSize: config.DATABASE_POOL_SIZE,
      },
      nats: { url: config.NATS_URL },
    }),
  });
});
