import type { MigrationInterface } from 'typeorm';

/** The SLA and holiday list read models. */
export const AGREEMENT_MIGRATIONS: (new () => MigrationInterface)[] = [];
