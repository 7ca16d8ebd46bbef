import type { DataSource, QueryRunner } from 'typeorm';

export interface SqlResult<T> {
  rows: T[];
  rowCount: number;
}

/** The one thing the event store needs from a connection: parameterised SQL. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<T>>;
}

export function sqlOf(runner: QueryRunner): Sql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      const result = await runner.query(text, params, true);
      const rows = (result.records ?? []) as T[];
      return { rows, rowCount: result.affected ?? rows.length };
    },
  };
}

/** Runs `work` in one transaction on its own connection; commits when it resolves. */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const result = await work(sqlOf(runner));
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** Runs `work` on a pooled connection outside an explicit transaction. */
export async function withConnection<T>(
  dataSource: DataSource,
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    return await work(sqlOf(runner));
  } finally {
    await runner.release();
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names are interpolated into SQL, so only plain lower-case identifiers pass. */
export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a safe SQL identifier: ${JSON.stringify(name)}`);
  return name;
}
