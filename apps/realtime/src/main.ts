import { runMain, startHost, WorkerHostModule } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { RealtimeConfig } from './realtime.config.js';

const APP = 'realtime';

// Hosts this service's consumers and workers; its domain modules are added to `imports`.
runMain(APP, async () => {
  const config = loadConfig(APP, RealtimeConfig);
  await startHost({
    app: APP,
    config,
    module: WorkerHostModule.forRoot({
      app: APP,
      redis: { url: config.REDIS_URL },
      nats: { url: config.NATS_URL },
    }),
  });
});
