import { loadConfig } from '@helpdesk/shared-config';
import { Matches } from 'class-validator';

/** Where the tests find the real services; the defaults are the local ones. */
export class TestConfig {
  /** A database on the server tests create their own databases in. */
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  TEST_DATABASE_ADMIN_URL = 'postgres://root@127.0.0.1:5432/postgres';

  @Matches(/^nats:\/\/.+/, { message: 'must be a nats:// URL' })
  NATS_URL = 'nats://127.0.0.1:4222';
}

export const testConfig = loadConfig('tests', TestConfig);
