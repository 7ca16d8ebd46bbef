import { runMain, runMigrateCommand, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { METRICS_SERVICE_QUEUE } from '@helpdesk/metrics-contracts';
import { createMetricsDataSource, METRICS_SCHEMA } from '@helpdesk/metrics-infrastructure';
import { AppModule } from './app.module.js';
import { MetricsWorkerConfig } from './metrics-worker.config.js';

const APP = 'metrics-worker';

runMain(APP, async () => {
  const config = loadConfig(APP, MetricsWorkerConfig);
  switch (process.argv[2] ?? 'serve') {
    case 'migrate':
      return runMigrateCommand(
        APP,
        createMetricsDataSource({ databaseUrl: config.DATABASE_URL, databasePoolSize: 2 }),
        METRICS_SCHEMA,
      );
    case 'serve':
      return startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: METRICS_SERVICE_QUEUE,
      });
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve or migrate`);
  }
});
