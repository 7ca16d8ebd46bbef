import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  ensureEventStream,
  namespacedStream,
  namespacedSubject,
  queueOptions,
} from '@helpdesk/shared-messaging';
import {
  childEnv,
  deleteNamespaceStreams,
  freePort,
  REPO_ROOT,
  startApp,
  type AppProcess,
} from '@helpdesk/shared-testing';
import { TICKET_EVENTS_STREAM, TICKET_EVENTS_SUBJECT_PREFIX } from '@helpdesk/ticket-contracts';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createBenchDatabase, type BenchDatabase } from '../bench-database.js';
import { ScenarioRefused, type BenchContext } from '../scenarios/scenario.js';
import { TicketServiceStandIn } from './ticket-service-stand-in.js';

const WORKER_MAIN = join(REPO_ROOT, 'apps', 'metrics-worker', 'dist', 'main.js');
/** metrics-worker's queue of ticket-event jobs (CONVERSATION_QUEUE in metrics-infrastructure). */
const CONVERSATION_QUEUE = 'metrics-conversations';
/** Jobs metrics-worker works on at once: its default, set explicitly to match the baselines. */
export const WORKER_CONCURRENCY = 16;

/**
 * What the metrics scenarios run on: a database and a namespace of their own (`bench-<ms>`), a
 * stand-in for ticket-service answering the figures, a metrics-worker process started and stopped
 * on demand, and a NATS connection to publish ticket events with. `close` removes it all: the
 * worker, the namespace's streams and Redis keys, and the database.
 */
export class MetricsWorkerBench {
  private worker: AppProcess | undefined;
  private readonly queue: Queue;

  private constructor(
    private readonly context: BenchContext,
    readonly namespace: string,
    private readonly database: BenchDatabase,
    readonly standIn: TicketServiceStandIn,
    private readonly nats: NatsConnection,
  ) {
    this.queue = new Queue(CONVERSATION_QUEUE, queueOptions(context.config.redisUrl, namespace));
  }

  static async open(context: BenchContext): Promise<MetricsWorkerBench> {
    if (!existsSync(WORKER_MAIN)) {
      throw new ScenarioRefused(`${WORKER_MAIN} is missing; build first (npm run build)`);
    }
    const { config } = context;
    const namespace = `bench-${Date.now()}`;
    const database = await createBenchDatabase(config.databaseUrl);
    let bench: MetricsWorkerBench | undefined;
    try {
      const standIn = await TicketServiceStandIn.start(config.natsUrl, namespace);
      const nats = await connect({ servers: config.natsUrl, name: 'bench-ticket-events' });
      bench = new MetricsWorkerBench(context, namespace, database, standIn, nats);
      await bench.migrateWorker();
      return bench;
    } catch (error) {
      await (bench ? bench.close() : database.drop());
      throw error;
    }
  }

  /** For publishing ticket events as ticket-service's relay does. */
  get js(): JetStreamClient {
    return jetstream(this.nats);
  }

  /** Creates the ticket event stream as ticket-service does, if missing; the events it holds. */
  async ensureTicketStream(): Promise<number> {
    const stream = namespacedStream(this.namespace, TICKET_EVENTS_STREAM);
    const subjects = namespacedSubject(this.namespace, `${TICKET_EVENTS_SUBJECT_PREFIX}.>`);
    const jsm = await jetstreamManager(this.nats);
    await ensureEventStream(jsm, { name: stream, subjects: [subjects] });
    return (await jsm.streams.info(stream)).state.messages;
  }

  /** Starts metrics-worker and resolves once it answers `/health/ready`. */
  async startWorker(): Promise<void> {
    this.worker = await startApp('metrics-worker', this.workerEnv(), await freePort());
  }

  /** ticket-event jobs of the worker's queue, by state. */
  jobCounts(): Promise<Record<string, number>> {
    return this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
  }

  /** The worker's last log lines, to explain a run that went wrong. */
  workerLog(): string {
    return this.worker?.output().slice(-2_000) ?? '';
  }

  /** Stops everything it started and removes what the run left behind, step by step. */
  async close(): Promise<void> {
    const { config } = this.context;
    await this.step('stop metrics-worker', async () => void (await this.worker?.stop()));
    await this.step('close the stand-in', () => this.standIn.close());
    await this.step('close NATS', () => this.nats.drain());
    await this.step('close the queue', () => this.queue.close());
    await this.step('delete streams', () => deleteNamespaceStreams(config.natsUrl, this.namespace));
    await this.step('delete Redis keys', () => deleteRedisKeys(config.redisUrl, this.namespace));
    await this.step('drop the database', () => this.database.drop());
  }

  private workerEnv(): Record<string, string> {
    const { config } = this.context;
    return {
      DATABASE_URL: this.database.url,
      HELPDESK_NAMESPACE: this.namespace,
      NATS_URL: config.natsUrl,
      REDIS_URL: config.redisUrl,
      METRICS_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
    };
  }

  private async migrateWorker(): Promise<void> {
    const child = spawn(process.execPath, [WORKER_MAIN, 'migrate'], {
      env: { ...childEnv(), ...this.workerEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new ScenarioRefused(`metrics-worker migrate failed:\n${output}`);
  }

  private async step(what: string, action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.context.progress(`cleanup of ${this.namespace}: ${what} failed: ${String(error)}`);
    }
  }
}

/** Every key under the namespace's BullMQ prefix (`helpdesk:<namespace>:`). */
async function deleteRedisKeys(redisUrl: string, namespace: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const prefix = queueOptions(redisUrl, namespace).prefix ?? 'helpdesk';
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1_000 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    await redis.quit();
  }
}
