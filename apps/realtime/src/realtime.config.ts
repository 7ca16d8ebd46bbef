import { CommonConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class RealtimeConfig extends CommonConfig {
  override HTTP_PORT = 9000;

  /** The Socket.IO adapter's stream, recovery sessions and the fanned-out event marks. */
  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Clients connect to the namespace `/<site name>`, as Frappe's client does. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9.-]{0,139}$/, { message: 'must be a host-like site name' })
  REALTIME_SITE_NAME = 'helpdesk.localhost';

  /** How long a dropped client may reconnect and still receive every event it missed. */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  REALTIME_RECOVERY_WINDOW_MS = 120_000;

  /** Comma-separated browser origins allowed to connect with credentials (none when empty). */
  @IsString()
  @MaxLength(2000)
  REALTIME_CORS_ORIGINS = '';

  /** Ticket events this replica fans out at once (one ticket's events stay in order). */
  @IsInt()
  @Min(1)
  @Max(512)
  REALTIME_FANOUT_CONCURRENCY = 64;

  /** How long asking agent-service or ticket-service may take. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 5_000;

  /** How long a verified API key is trusted before agent-service is asked again (0: always ask). */
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  AUTH_CACHE_TTL_MS = 30_000;

  /** How long a login session lives after its last use; the gateway's setting of the same name. */
  @IsInt()
  @Min(60)
  @Max(90 * 24 * 3600)
  SESSION_EXPIRY_SECONDS = 240 * 3600;
}
