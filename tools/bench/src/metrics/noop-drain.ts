import { performance } from 'node:perf_hooks';
import { queueOptions, workerOptions } from '@helpdesk/shared-messaging';
import { Queue, Worker } from 'bullmq';

const QUEUE = 'bench-noop';
const BULK = 1_000;
const POLL_MS = 20;
/** The options metrics-worker gives its jobs, so both queues keep the same records. */
const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 3600, count: 100_000 },
  removeOnFail: 10_000,
} as const;

export interface Drain {
  completed: number;
  seconds: number;
}

/**
 * BullMQ alone: `jobs` jobs shaped like metrics-worker's (one reply each) queued with addBulk,
 * then drained by a worker with the same options and concurrency whose processor does nothing.
 * Timed from the worker's start to the last completion.
 */
export async function drainNoopJobs(options: {
  redisUrl: string;
  namespace: string;
  jobs: number;
  concurrency: number;
  timeoutMs: number;
  signal: AbortSignal;
}): Promise<Drain> {
  const { redisUrl, namespace, jobs } = options;
  const queue = new Queue(QUEUE, queueOptions(redisUrl, namespace));
  const worker = new Worker(QUEUE, async () => undefined, {
    ...workerOptions(redisUrl, namespace, options.concurrency),
    autorun: false,
  });
  try {
    for (let first = 0; first < jobs; first += BULK) {
      const size = Math.min(BULK, jobs - first);
      await queue.addBulk(Array.from({ length: size }, (_, i) => noopJob(first + i)));
    }
    let completed = 0;
    let lastAt = Number.NaN;
    worker.on('completed', () => {
      completed += 1;
      lastAt = performance.now();
    });
    await worker.waitUntilReady();
    const startedAt = performance.now();
    void worker.run();
    const deadline = startedAt + options.timeoutMs;
    while (completed < jobs && !options.signal.aborted && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return { completed, seconds: (lastAt - startedAt) / 1000 };
  } finally {
    await worker.close();
    await queue.close();
  }
}

function noopJob(n: number) {
  const at = new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString();
  return {
    name: 'ticket-event',
    data: {
      kind: 'ticket-event',
      ticket: Math.floor(n / 2) + 1,
      facts: [{ type: 'message', id: `bench-${n}`, direction: n % 2 ? 'sent' : 'received', at }],
    },
    opts: { jobId: `noop-${n}`, ...JOB_OPTIONS },
  };
}
