import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PostgresConfig } from './common-config.js';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('defaults to the local services', () => {
    const config = loadConfig('test', PostgresConfig, {});
    assert.equal(config.DATABASE_URL, 'postgres://root@127.0.0.1:5432/helpdesk');
    assert.equal(config.NATS_URL, 'nats://127.0.0.1:4222');
    assert.equal(config.HELPDESK_TIME_ZONE, 'UTC');
  });

  it('reads numbers from the environment as numbers', () => {
    const config = loadConfig('test', PostgresConfig, {
      HTTP_PORT: '8123',
      DATABASE_POOL_SIZE: '4',
    });
    assert.equal(config.HTTP_PORT, 8123);
    assert.equal(config.DATABASE_POOL_SIZE, 4);
  });

  it('fails fast, naming every bad setting at once', () => {
    assert.throws(
      () =>
        loadConfig('test-app', PostgresConfig, {
          HTTP_PORT: 'eighty',
          DATABASE_URL: 'mysql://x',
          HELPDESK_TIME_ZONE: 'Mars/Olympus',
          LOG_LEVEL: 'loud',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /^test-app: invalid configuration/);
        for (const key of ['HTTP_PORT', 'DATABASE_URL', 'HELPDESK_TIME_ZONE', 'LOG_LEVEL']) {
          assert.ok(
            error.problems.some((p) => p.startsWith(`${key}=`)),
            `${key} reported`,
          );
        }
        return true;
      },
    );
  });
});
