import { PostgresConfig } from '@helpdesk/shared-config';
import { IsInt, Max, Min } from 'class-validator';

export class KnowledgeServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8106;

  /** How long a request to ticket-service or agent-service (a render's documents) may take. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;

  /** How long one saved-reply template may take to render before it is stopped and refused. */
  @IsInt()
  @Min(50)
  @Max(30_000)
  TEMPLATE_TIMEOUT_MS = 1_000;
}
