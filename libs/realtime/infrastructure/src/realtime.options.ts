import type { Registry } from 'prom-client';

/** What the realtime module needs from its app's validated config. */
export interface RealtimeOptions {
  /** The app's Prometheus registry (served at `/metrics`). */
  metrics: Registry;
  namespace: string;
  natsUrl: string;
  redisUrl: string;
  /** The Socket.IO namespace clients connect to is `/<siteName>`, as Frappe's client does. */
  siteName: string;
  timeZone: string;
  requestTimeoutMs: number;
  /** How long a dropped connection may come back and receive what it missed. */
  recoveryWindowMs: number;
  /** Origins allowed to connect from a browser with credentials; empty allows none cross-origin. */
  corsOrigins: string[];
  /** How long a verified API key is trusted before agent-service is asked again. */
  authCacheTtlMs: number;
  /** How long a login session lives after its last use (a handshake counts as use). */
  sessionExpirySeconds: number;
  /** Ticket events fanned out at once by this replica. */
  fanoutConcurrency: number;
}

export const REALTIME_OPTIONS = Symbol('REALTIME_OPTIONS');

/** Redis keys of one namespace, apart from every other deployment or test run sharing the server. */
export function realtimeKeys(namespace: string) {
  const prefix = namespace === '' ? 'helpdesk' : `helpdesk:${namespace}`;
  return {
    /** The Redis stream the replicas share their broadcasts through. */
    adapterStream: `${prefix}:socket.io`,
    sessionPrefix: `${prefix}:socket.io:session:`,
    fannedOut: (eventId: string) => `${prefix}:realtime:fanned-out:${eventId}`,
  };
}
