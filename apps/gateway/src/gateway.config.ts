import { CommonConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class GatewayConfig extends CommonConfig {
  override HTTP_PORT = 8000;

  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Requests with a larger body are refused with 413 before they are parsed. */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  HELPDESK_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

  /** How long the gateway waits for a service's reply before answering 504. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;

  /** How long a verified API key pair is trusted without asking agent-service again. */
  @IsInt()
  @Min(0)
  @Max(600_000)
  AUTH_CACHE_TTL_MS = 30_000;
}
