import { openMigrated, PostgresEventStore } from '@helpdesk/shared-event-store';
import {
  createTicketDataSource,
  PostgresTicketReadModel,
  seedTickets,
  TICKET_SCHEMA,
} from '@helpdesk/ticket-infrastructure';
import { progressBar } from './progress-bar.js';
import type { TicketServiceConfig } from './ticket-service.config.js';

interface SeedArguments {
  tickets: number;
  batchSize: number;
  concurrency: number;
  seed: number;
}

const DEFAULTS: SeedArguments = { tickets: 10_000, batchSize: 2_000, concurrency: 2, seed: 1 };
const FLAGS: Record<string, keyof SeedArguments> = {
  '--tickets': 'tickets',
  '--batch-size': 'batchSize',
  '--concurrency': 'concurrency',
  '--seed': 'seed',
};

/** `--tickets 1000000 --batch-size 2000 --concurrency 2 --seed 1`, every one optional. */
export function parseSeedArguments(args: string[]): SeedArguments {
  const parsed = { ...DEFAULTS };
  for (let i = 0; i < args.length; i += 2) {
    const key = FLAGS[args[i] ?? ''];
    const value = Number(args[i + 1]);
    if (!key)
      throw new Error(`unknown seed option ${args[i]}; use ${Object.keys(FLAGS).join(', ')}`);
    if (!Number.isSafeInteger(value) || value < (key === 'seed' ? 0 : 1)) {
      throw new Error(`${args[i]} needs a positive whole number, got ${args[i + 1]}`);
    }
    parsed[key] = value;
  }
  return parsed;
}

/**
 * `ticket-service seed --tickets N`: loads N realistic tickets through the event store (migrating
 * first), with a progress bar on stderr and the rate at the end.
 */
export async function runSeedCommand(config: TicketServiceConfig, args: string[]): Promise<void> {
  const options = parseSeedArguments(args);
  const dataSource = await openMigrated(
    createTicketDataSource({
      databaseUrl: config.DATABASE_URL,
      databasePoolSize: options.concurrency + 1,
    }),
    TICKET_SCHEMA,
  );
  try {
    const bar = progressBar('seeding tickets', 'tickets');
    const result = await seedTickets(
      dataSource,
      new PostgresEventStore(TICKET_SCHEMA),
      new PostgresTicketReadModel(config.HELPDESK_TIME_ZONE),
      {
        ...options,
        timeZone: config.HELPDESK_TIME_ZONE,
        until: new Date(),
        onProgress: (done, total) => bar.update(done, total),
      },
    );
    const { perSecond } = bar.finish(result.tickets);
    console.log(
      `seeded ${result.tickets} tickets (${result.events} events) at ${perSecond} tickets/s`,
    );
  } finally {
    await dataSource.destroy();
  }
}
