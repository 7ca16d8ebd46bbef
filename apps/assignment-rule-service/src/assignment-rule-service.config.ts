import { PostgresConfig } from '@helpdesk/shared-config';
import { IsInt, Max, Min } from 'class-validator';

export class AssignmentRuleServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8103;

  /** How long a decision sent to ticket-service (or a team link to agent-service) may take. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;
}
