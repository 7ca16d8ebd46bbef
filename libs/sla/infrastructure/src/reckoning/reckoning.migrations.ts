import type { MigrationInterface } from 'typeorm';

/** Each ticket's SLA clock and the reckonings owed to ticket-service. */
export const RECKONING_MIGRATIONS: (new () => MigrationInterface)[] = [];
