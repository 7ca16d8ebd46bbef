import { IsInt, Matches, Max, Min } from 'class-validator';
import { PostgresConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';

export class TicketServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8101;

  /** Events relayed to JetStream per round trip; the checkpoint moves once per batch. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  EVENT_PUBLISH_BATCH_SIZE = 256;

  /** BullMQ's store: HD Settings' auto-close jobs. */
  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';
}
