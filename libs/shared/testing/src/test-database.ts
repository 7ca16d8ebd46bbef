import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { testConfig } from './test-config.js';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Base URL of the server tests create their databases on. */
export const TEST_POSTGRES_URL = testConfig.TEST_DATABASE_ADMIN_URL;

/** A brand-new database for one test file; dropped (with its connections) afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `helpdesk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
