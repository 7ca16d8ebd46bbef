import {
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Res,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { Registry, collectDefaultMetrics } from 'prom-client';

/** A dependency the app cannot serve without; `check` rejects when it is unusable. */
export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

export function createMetricsRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry });
  return registry;
}

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): unknown;
}

const CHECK_TIMEOUT_MS = 2_000;

@Controller()
export class HealthController implements BeforeApplicationShutdown {
  private shuttingDown = false;

  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
  ) {}

  beforeApplicationShutdown(): void {
    // Fail readiness first so load balancers stop sending work while in-flight requests finish.
    this.shuttingDown = true;
  }

  /** Alive; `pid` tells a supervisor which process answers on the port. */
  @Get('health/live')
  @HttpCode(200)
  live(): { status: string; pid: number } {
    return { status: 'ok', pid: process.pid };
  }

  @Get('health/ready')
  async ready(@Res() reply: ReplyLike): Promise<void> {
    const results = await Promise.all(this.checks.map((c) => runCheck(c)));
    const details = Object.fromEntries(results.map((r) => [r.name, r.error ?? 'ok']));
    const ok = !this.shuttingDown && results.every((r) => !r.error);
    reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : this.shuttingDown ? 'shutting down' : 'unavailable',
      checks: details,
    });
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

async function runCheck(check: HealthCheck): Promise<{ name: string; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { name: check.name };
  } catch (error) {
    return { name: check.name, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
