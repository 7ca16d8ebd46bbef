import { runMain, startHost, WorkerHostModule } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { SlaServiceConfig } from './sla-service.config.js';

const APP = 'sla-service';

// Hosts this service's consumers and workers; its domain modules are added to `imports`.
runMain(APP, async () => {
  const config = loadConfig(APP, SlaServiceConfig);
  await startHost({
    app: APP,
    config,
    module: WorkerHostModule.forRoot({
      app: APP,
      postgres: { url: config.DATABASE_URL, schema: 'sla', poolSize: config.DATABASE_POOL_SIZE },
      redis: { url: config.REDIS_URL },
      nats: { url: config.NATS_URL },
    }),
  });
});
