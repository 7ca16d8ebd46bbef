import { PostgresConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { Matches } from 'class-validator';

export class SlaServiceConfig extends PostgresConfig {
  override HTTP_PORT = 8104;

  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';
}
