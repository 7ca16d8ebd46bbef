import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { FigureTable } from '../figure-table.js';
import { publishReplies } from '../metrics/event-publisher.js';
import { MetricsWorkerBench, WORKER_CONCURRENCY } from '../metrics/metrics-worker-bench.js';
import { epochNow } from '../metrics/ticket-arrivals.js';
import { drainNoopJobs, type Drain } from '../metrics/noop-drain.js';
import { ScenarioRefused, type BenchContext, type Scenario } from './scenario.js';

/** 10,000 events, so 10,000 jobs: a customer message and its answer per ticket. */
const TICKETS = 5_000;
const JOBS = TICKETS * 2;
const DRAIN_TIMEOUT_MS = 300_000;
const POLL_MS = 50;

interface WorkerDrain extends Drain {
  failed: number;
  figures: number;
  figureSeconds: number;
}

/**
 * How fast metrics-worker works off a backlog: 10,000 ticket events published while it is not
 * running, then the worker started and timed from ready until every job completed and every
 * ticket's figure reached ticket-service, against BullMQ draining as many no-op jobs.
 */
export const metricsDrainScenario: Scenario = {
  id: 'metrics-drain',
  title: 'Conversation metrics backlog drain: 10,000 ticket events queued before the worker starts',
  byDefault: false,
  needsStack: false,
  async run(context) {
    const bench = await MetricsWorkerBench.open(context);
    try {
      context.progress(`metrics-drain: BullMQ no-op baseline, ${JOBS} jobs`);
      const baseline = await drainNoopJobs({
        redisUrl: context.config.redisUrl,
        namespace: bench.namespace,
        jobs: JOBS,
        concurrency: WORKER_CONCURRENCY,
        timeoutMs: DRAIN_TIMEOUT_MS,
        signal: context.signal,
      });
      context.progress(`metrics-drain: ${JOBS} events into ${bench.namespace}, worker stopped`);
      const worker = await drainWorker(context, bench);
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'metrics-worker: timed from /health/ready (JetStream intake, BullMQ job, Postgres ' +
          'copy, figure sent to a ticket-service stand-in); baseline: a BullMQ worker in the ' +
          `bench with the same options and concurrency (${WORKER_CONCURRENCY}) draining ${JOBS} ` +
          'no-op jobs added with addBulk, timed from its start.',
        levels: [],
        table: drainTable(worker, baseline),
      };
    } finally {
      await bench.close();
    }
  },
};

async function drainWorker(context: BenchContext, bench: MetricsWorkerBench): Promise<WorkerDrain> {
  await bench.ensureTicketStream();
  const backlog = await publishReplies(
    bench.js,
    bench.namespace,
    { firstTicket: 1, tickets: TICKETS, ratePerSecond: Number.POSITIVE_INFINITY },
    context.signal,
  );
  const queued = await bench.ensureTicketStream();
  if (backlog.errors > 0 || queued !== JOBS) {
    throw new ScenarioRefused(
      `metrics-drain: the stream holds ${queued} of ${JOBS} events (${backlog.errors} not ` +
        `published: ${backlog.firstError ?? 'no error'})`,
    );
  }
  await bench.startWorker();
  const readyAt = epochNow();
  const startedAt = performance.now();
  const tickets = [...backlog.answeredAt.keys()];
  const early = tickets.filter((ticket) => bench.standIn.figures.has(ticket)).length;
  context.progress(`metrics-drain: worker ready; ${early} figures were in before it answered`);

  const figuresDone = bench.standIn.figures.until(tickets, DRAIN_TIMEOUT_MS, context.signal);
  let counts = await bench.jobCounts();
  while (
    (counts.completed ?? 0) + (counts.failed ?? 0) < JOBS &&
    !context.signal.aborted &&
    performance.now() < startedAt + DRAIN_TIMEOUT_MS
  ) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    counts = await bench.jobCounts();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  const missing = await figuresDone;
  // Each ticket's figure is timed from ready; the last one's is the drain time of the figures.
  const figures = bench.standIn.figures.lags(new Map(tickets.map((ticket) => [ticket, readyAt])));
  context.progress(
    `metrics-drain: jobs ${JSON.stringify(counts)}; ${missing} tickets without their figure`,
  );
  if (missing > 0 || (counts.failed ?? 0) > 0) {
    context.progress(`metrics-worker log:\n${bench.workerLog()}`);
  }
  return {
    completed: counts.completed ?? 0,
    seconds,
    failed: counts.failed ?? 0,
    figures: tickets.length - missing,
    figureSeconds: figures.maxMs / 1000,
  };
}

function drainTable(worker: WorkerDrain, baseline: Drain): FigureTable {
  return {
    conditions: `${JOBS} jobs of ${TICKETS} tickets; ${availableParallelism()} cores`,
    columns: [
      { header: 'jobs done', unit: 'count' },
      { header: 'jobs s', unit: 's' },
      { header: 'jobs/s', unit: 'rate' },
      { header: 'failed', unit: 'count' },
      { header: 'figures', unit: 'count' },
      { header: 'figures s', unit: 's' },
      { header: 'figures/s', unit: 'rate' },
    ],
    rows: [
      {
        label: 'metrics-worker',
        values: [
          worker.completed,
          worker.seconds,
          worker.completed / worker.seconds,
          worker.failed,
          worker.figures,
          worker.figureSeconds,
          worker.figures / worker.figureSeconds,
        ],
      },
      {
        label: 'BullMQ no-op worker (baseline)',
        values: [
          baseline.completed,
          baseline.seconds,
          baseline.completed / baseline.seconds,
          Number.NaN,
          Number.NaN,
          Number.NaN,
          Number.NaN,
        ],
      },
    ],
    ratios: [
      {
        label: 'worker/baseline jobs/s',
        numerator: worker.completed / worker.seconds,
        denominator: baseline.completed / baseline.seconds,
      },
    ],
  };
}
