import { PostgresConfig, REDIS_URL_PATTERN } from '@helpdesk/shared-config';
import { IsInt, Matches, Max, Min } from 'class-validator';

export class MetricsWorkerConfig extends PostgresConfig {
  override HTTP_PORT = 8105;

  /** BullMQ's store: the metrics jobs. */
  @Matches(REDIS_URL_PATTERN, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** How long sending a ticket's figures to ticket-service may take. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  NATS_REQUEST_TIMEOUT_MS = 10_000;

  /** Metrics jobs this replica works on at once. */
  @IsInt()
  @Min(1)
  @Max(256)
  METRICS_WORKER_CONCURRENCY = 16;

  /** Ticket events the dashboards' projection applies per transaction at most (catch-up speed). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  METRICS_DASHBOARD_BATCH_SIZE = 1_000;
}
