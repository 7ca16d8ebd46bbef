import { PostgresConfig } from '@helpdesk/shared-config';

export class TicketServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8101;
}
