import { CommonConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

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

  /**
   * Which proxies in front of the gateway are believed about the client's address (used by the
   * per-address limits): `0` none (clients connect directly), a hop count such as `1` behind one
   * ingress, or comma-separated addresses/CIDRs.
   */
  @IsString()
  @Matches(/^(\d{1,2}|[0-9a-fA-F.:/, ]+)$/, { message: 'must be a hop count or addresses/CIDRs' })
  TRUSTED_PROXIES = '0';

  /** How long a login session (`sid` cookie) lives after its last use (Frappe: 240 hours). */
  @IsInt()
  @Min(60)
  @Max(90 * 24 * 3600)
  SESSION_EXPIRY_SECONDS = 240 * 3600;

  /** `off` turns every rate limit off (load tests); the limits below apply otherwise. */
  @IsIn(['on', 'off'])
  HELPDESK_RATE_LIMITS: 'on' | 'off' = 'on';

  /** Requests per minute to the whole site, across replicas (0: unlimited). */
  @IsInt()
  @Min(0)
  RATE_LIMIT_SITE_PER_MINUTE = 300_000;

  /** Requests per minute from one address presenting credentials (0: unlimited). */
  @IsInt()
  @Min(0)
  RATE_LIMIT_IP_PER_MINUTE = 60_000;

  /** Requests per minute from one address without credentials (0: unlimited). */
  @IsInt()
  @Min(0)
  RATE_LIMIT_GUEST_IP_PER_MINUTE = 600;

  /** Requests per minute of one user, whatever key, session or address (0: unlimited). */
  @IsInt()
  @Min(0)
  RATE_LIMIT_USER_PER_MINUTE = 30_000;

  /** Failed sign-ins of one user in a row before a lockout (Frappe: 10; 0: no lockout). */
  @IsInt()
  @Min(0)
  LOGIN_CONSECUTIVE_FAILURES = 10;

  /** How long the lockout lasts (Frappe's `allow_login_after_fail`: 60 s). */
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCKOUT_SECONDS = 60;
}
