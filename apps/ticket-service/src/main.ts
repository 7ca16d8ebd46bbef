import { runMain, runMigrateCommand, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { openMigrated, PostgresEventStore } from '@helpdesk/shared-event-store';
import { TICKET_SERVICE_QUEUE } from '@helpdesk/ticket-contracts';
import {
  createTicketDataSource,
  PostgresTicketReadModel,
  rebuildTicketReadModel,
  TICKET_SCHEMA,
} from '@helpdesk/ticket-infrastructure';
import { AppModule } from './app.module.js';
import { progressBar } from './progress-bar.js';
import { runSeedCommand } from './seed-command.js';
import { TicketServiceConfig } from './ticket-service.config.js';

const APP = 'ticket-service';

runMain(APP, async () => {
  const config = loadConfig(APP, TicketServiceConfig);
  const dataSource = () =>
    createTicketDataSource({ databaseUrl: config.DATABASE_URL, databasePoolSize: 2 });
  switch (process.argv[2] ?? 'serve') {
    case 'migrate':
      return runMigrateCommand(APP, dataSource(), TICKET_SCHEMA);
    case 'rebuild':
      return rebuild(config);
    case 'seed':
      return runSeedCommand(config, process.argv.slice(3));
    case 'serve':
      return startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: TICKET_SERVICE_QUEUE,
      });
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve, migrate, rebuild or seed`);
  }

  /** `ticket-service rebuild`: replays the whole log into the ticket read model. */
  async function rebuild(settings: TicketServiceConfig): Promise<void> {
    const opened = await openMigrated(dataSource(), TICKET_SCHEMA);
    try {
      const bar = progressBar('rebuilding hd_ticket');
      const count = await rebuildTicketReadModel(
        opened,
        new PostgresEventStore(TICKET_SCHEMA),
        new PostgresTicketReadModel(settings.HELPDESK_TIME_ZONE),
        ({ done, total }) => bar.update(done, total),
        5_000,
      );
      bar.finish(count);
    } finally {
      await opened.destroy();
    }
  }
});
