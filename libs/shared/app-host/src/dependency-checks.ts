import type { NatsConnection } from '@nats-io/transport-node';
import type { HealthCheck } from '@helpdesk/shared-observability';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';

export function postgresCheck(dataSource: DataSource): HealthCheck {
  return { name: 'postgres', check: async () => void (await dataSource.query('SELECT 1')) };
}

export function natsCheck(nats: NatsConnection): HealthCheck {
  return {
    name: 'nats',
    check: async () => {
      if (nats.isClosed()) throw new Error('connection closed');
      await nats.flush();
    },
  };
}

export function redisCheck(redis: Redis): HealthCheck {
  return { name: 'redis', check: async () => void (await redis.ping()) };
}
