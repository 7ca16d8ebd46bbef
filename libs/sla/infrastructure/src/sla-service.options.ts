import type { Registry } from 'prom-client';

export interface SlaServiceOptions {
  databaseUrl: string;
  databasePoolSize: number;
  natsUrl: string;
  redisUrl: string;
  namespace: string;
  /** The site's zone: `today` for SLA validity windows, and an SLA's zone unless it names one. */
  timeZone: string;
  requestTimeoutMs: number;
  metrics: Registry;
}

/** The options above, for providers that need them. */
export const SLA_OPTIONS = Symbol('SLA_OPTIONS');
/** sla-service's NATS connection for JetStream (publishing its events, consuming tickets'). */
export const SLA_NATS = Symbol('SLA_NATS');
