import { PostgresConfig } from '@helpdesk/shared-config';
import { Length, Matches, ValidateIf } from 'class-validator';

export class AgentServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8102;

  /** Administrator's API key; generated and printed on first start when unset. */
  @ValidateIf((config: AgentServiceConfig) => config.HELPDESK_ADMIN_API_KEY !== '')
  @Length(8, 200)
  @Matches(/^(?!REPLACE_ME)/, { message: 'is still the placeholder from the deployment template' })
  HELPDESK_ADMIN_API_KEY = '';

  @ValidateIf((config: AgentServiceConfig) => config.HELPDESK_ADMIN_API_KEY !== '')
  @Length(12, 200, { message: 'must be set (12+ characters) when HELPDESK_ADMIN_API_KEY is' })
  @Matches(/^(?!REPLACE_ME)/, { message: 'is still the placeholder from the deployment template' })
  HELPDESK_ADMIN_API_SECRET = '';

  /** Administrator's login password; unset, Administrator signs in with the key pair only. */
  @ValidateIf((config: AgentServiceConfig) => config.HELPDESK_ADMIN_PASSWORD !== '')
  @Length(8, 256, { message: 'must be 8 to 256 characters' })
  @Matches(/^(?!REPLACE_ME)/, { message: 'is still the placeholder from the deployment template' })
  HELPDESK_ADMIN_PASSWORD = '';
}
