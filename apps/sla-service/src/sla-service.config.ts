import { PostgresConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class SlaServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8104;

  /** BullMQ's store: the deadline timers and recomputations. */
  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** How long a reckoning sent to ticket-service may take. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;
}
