import { IsInt, Max, Min } from 'class-validator';
import { PostgresConfig } from '@helpdesk/shared-config';

export class TicketServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8101;

  /** Events relayed to JetStream per round trip; the checkpoint moves once per batch. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  EVENT_PUBLISH_BATCH_SIZE = 256;
}
