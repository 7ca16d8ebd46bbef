import { PostgresConfig } from '@helpdesk/shared-config';

export class AssignmentRuleServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8103;
}
