import { CommonConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { Matches } from 'class-validator';

export class RealtimeConfig extends CommonConfig {
  override HTTP_PORT = 9000;

  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';
}
