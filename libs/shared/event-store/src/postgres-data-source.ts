import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { assertIdentifier } from './sql.js';

export interface ServiceDataSourceOptions {
  url: string;
  schema: string;
  poolSize: number;
  migrations: (new () => MigrationInterface)[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: (Function | EntitySchema)[];
  applicationName: string;
}

/** A DataSource confined to one service's schema; schema changes only through migrations. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: assertIdentifier(options.schema),
    applicationName: options.applicationName,
    poolSize: options.poolSize,
    entities: options.entities ?? [],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
  });
}

/** Creates the schema if needed, then applies pending migrations; safe to run from every replica. */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const s = assertIdentifier(schema);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // One migrator at a time per schema, so replicas starting together do not race.
    await runner.query(`SELECT pg_advisory_lock(hashtext($1))`, [`migrate:${s}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query(`SELECT pg_advisory_unlock(hashtext($1))`, [`migrate:${s}`])
      .catch(() => undefined);
    await runner.release();
  }
}

/** Connects and brings the schema up to date: what every service does before serving. */
export async function openMigrated(dataSource: DataSource, schema: string): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  await runMigrations(dataSource, schema);
  return dataSource;
}
