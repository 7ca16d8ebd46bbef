import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/**
 * Closes the app on SIGTERM/SIGINT: Nest runs shutdown hooks (readiness turns 503, NATS
 * subscriptions drain, workers close, the HTTP server finishes in-flight requests). If that takes
 * longer than `timeoutMs` the process exits non-zero rather than hang an orchestrator.
 */
export function closeOnSignals(
  app: INestApplicationContext,
  logger: LoggerService,
  timeoutMs: number,
): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log({ msg: 'shutting down', signal }, 'Shutdown');
    const timer = setTimeout(() => {
      logger.error({ msg: 'shutdown timed out', timeoutMs }, undefined, 'Shutdown');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error, undefined, 'Shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
