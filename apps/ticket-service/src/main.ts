import { runMain, startHost } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { PostgresEventStore, runMigrations } from '@helpdesk/shared-event-store';
import {
  createTicketDataSource,
  PostgresTicketReadModel,
  rebuildTicketReadModel,
  TICKET_SCHEMA,
} from '@helpdesk/ticket-infrastructure';
import { TICKET_SERVICE_QUEUE } from '@helpdesk/ticket-contracts';
import { AppModule } from './app.module.js';
import { progressBar } from './progress-bar.js';
import { TicketServiceConfig } from './ticket-service.config.js';

const APP = 'ticket-service';

runMain(APP, async () => {
  const config = loadConfig(APP, TicketServiceConfig);
  const options = { databaseUrl: config.DATABASE_URL, databasePoolSize: 2 };
  switch (process.argv[2]) {
    case 'migrate': {
      const dataSource = await createTicketDataSource(options).initialize();
      const applied = await runMigrations(dataSource, TICKET_SCHEMA);
      console.log(JSON.stringify({ app: APP, migrated: applied }));
      await dataSource.destroy();
      return;
    }
    case 'rebuild': {
      const dataSource = await createTicketDataSource(options).initialize();
      await runMigrations(dataSource, TICKET_SCHEMA);
      const bar = progressBar('rebuilding hd_ticket');
      const count = await rebuildTicketReadModel(
        dataSource,
        new PostgresEventStore(TICKET_SCHEMA),
        new PostgresTicketReadModel(config.HELPDESK_TIME_ZONE),
        ({ done, total }) => bar.update(done, total),
      );
      bar.finish(count);
      await dataSource.destroy();
      return;
    }
    case undefined:
    case 'serve':
      await startHost({
        app: APP,
        config,
        module: AppModule.forRoot(config),
        natsQueue: TICKET_SERVICE_QUEUE,
      });
      return;
    default:
      throw new Error(`unknown command ${process.argv[2]}; use serve, migrate or rebuild`);
  }
});
