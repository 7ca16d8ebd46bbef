import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DynamicModule } from '@nestjs/common';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { runMigrations } from '@helpdesk/shared-event-store';
import type { CommonConfig } from '@helpdesk/shared-config';
import { NamespacedNatsServer } from '@helpdesk/shared-messaging';
import { closeOnSignals, JsonLogger } from '@helpdesk/shared-observability';

export interface HostOptions {
  app: string;
  config: CommonConfig;
  module: DynamicModule;
  /** Serve NATS request/reply in this queue group (omit for apps with no request handlers). */
  natsQueue?: string;
  /** Largest accepted HTTP body. */
  bodyLimitBytes?: number;
  host?: string;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client's address: addresses/CIDRs or a
   * test per hop (Fastify's `trustProxy`). Default: any, for apps only reached internally.
   */
  trustProxy?: boolean | string | ((address: string, hop: number) => boolean);
  /**
   * Answers errors Fastify's router raises before any hook or handler runs (undecodable
   * percent-encoding, over-long path parameters), e.g. in the API's own error format.
   */
  frameworkErrors?: (error: Error & { code?: string }, reply: FastifyReply) => void;
  /** Fastify hooks and handlers to install before routes are registered. */
  configure?: (fastify: FastifyInstance) => void;
}

/**
 * Every app's bootstrap: JSON logs, Fastify for HTTP (API, health, metrics), optionally a NATS
 * request/reply server in a queue group, and shutdown that drains both on SIGTERM.
 */
export async function startHost(options: HostOptions): Promise<NestFastifyApplication> {
  const { config, frameworkErrors } = options;
  const logger = new JsonLogger(options.app, config.LOG_LEVEL);
  const app = await NestFactory.create<NestFastifyApplication>(
    options.module,
    new FastifyAdapter({
      bodyLimit: options.bodyLimitBytes ?? 1_048_576,
      trustProxy: options.trustProxy ?? true,
      // Frappe names run to 140 characters (email addresses among them), percent-encoded longer.
      maxParamLength: 1_000,
      ...(frameworkErrors
        ? {
            frameworkErrors: (
              error: Error & { code?: string },
              _request: unknown,
              reply: FastifyReply,
            ) => frameworkErrors(error, reply),
          }
        : {}),
    }),
    { logger, abortOnError: false, forceCloseConnections: false },
  );
  options.configure?.(app.getHttpAdapter().getInstance());
  if (options.natsQueue) {
    app.connectMicroservice(
      {
        strategy: new NamespacedNatsServer(config.HELPDESK_NAMESPACE, {
          servers: config.NATS_URL,
          queue: options.natsQueue,
          name: options.app,
          gracefulShutdown: true,
          gracePeriod: 500,
        }),
      },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await app.listen(config.HTTP_PORT, options.host ?? '0.0.0.0');
  closeOnSignals(app, logger, config.SHUTDOWN_TIMEOUT_MS);
  logger.log({ msg: 'started', port: config.HTTP_PORT, pid: process.pid }, 'Host');
  return app;
}

/** Runs a host's `main`, turning a failed boot (bad config, unreachable dependency) into exit 1. */
export function runMain(app: string, main: () => Promise<unknown>): void {
  main().catch((error: unknown) => {
    const logger = new JsonLogger(app, 'info');
    logger.fatal(error instanceof Error ? error.message : String(error), 'Boot');
    process.exit(1);
  });
}

/** `<app> migrate`: applies the app's migrations and exits. */
export async function runMigrateCommand(
  app: string,
  dataSource: DataSource,
  schema: string,
): Promise<void> {
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, schema);
    process.stdout.write(`${JSON.stringify({ app, schema, migrated: applied })}\n`);
  } finally {
    await dataSource.destroy();
  }
}
