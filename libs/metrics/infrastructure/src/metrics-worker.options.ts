import type { Registry } from 'prom-client';

export interface MetricsWorkerOptions {
  databaseUrl: string;
  databasePoolSize: number;
  natsUrl: string;
  redisUrl: string;
  namespace: string;
  /** The site's zone: an SLA's zone unless it names one. */
  timeZone: string;
  requestTimeoutMs: number;
  /** Jobs each replica works on at once. */
  concurrency: number;
  /** Ticket events the dashboards' projection applies per transaction at most. */
  dashboardBatchSize: number;
  metrics: Registry;
}

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');
/** metrics-worker's NATS connection for JetStream (consuming ticket and SLA events). */
export const METRICS_NATS = Symbol('METRICS_NATS');
