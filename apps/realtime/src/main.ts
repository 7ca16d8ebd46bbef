import { runMain, startHost, WorkerHostModule } from '@helpdesk/shared-app-host';
import { loadConfig } from '@helpdesk/shared-config';
import { createMetricsRegistry } from '@helpdesk/shared-observability';
import { RealtimeModule } from '@helpdesk/realtime-infrastructure';
import { RealtimeConfig } from './realtime.config.js';

const APP = 'realtime';

runMain(APP, async () => {
  const config = loadConfig(APP, RealtimeConfig);
  const registry = createMetricsRegistry(APP);
  await startHost({
    app: APP,
    config,
    module: WorkerHostModule.forRoot({
      app: APP,
      redis: { url: config.REDIS_URL },
      nats: { url: config.NATS_URL },
      registry,
      imports: [
        RealtimeModule.forRoot({
          metrics: registry,
          namespace: config.HELPDESK_NAMESPACE,
          natsUrl: config.NATS_URL,
          redisUrl: config.REDIS_URL,
          siteName: config.REALTIME_SITE_NAME,
          timeZone: config.HELPDESK_TIME_ZONE,
          requestTimeoutMs: config.NATS_REQUEST_TIMEOUT_MS,
          recoveryWindowMs: config.REALTIME_RECOVERY_WINDOW_MS,
          corsOrigins: config.REALTIME_CORS_ORIGINS.split(',')
            .map((origin) => origin.trim())
            .filter(Boolean),
          authCacheTtlMs: config.AUTH_CACHE_TTL_MS,
          sessionExpirySeconds: config.SESSION_EXPIRY_SECONDS,
          fanoutConcurrency: config.REALTIME_FANOUT_CONCURRENCY,
        }),
      ],
    }),
  });
});
