import type { KeyPrefixOptions, QueueBaseOptions, WorkerOptions } from 'bullmq';

/**
 * Where a service's BullMQ queues live: the Redis URL, and a key prefix per namespace so test
 * runs and deployments sharing one Redis never see each other's jobs.
 */
export function queueOptions(
  redisUrl: string,
  namespace: string,
): QueueBaseOptions & KeyPrefixOptions {
  return {
    connection: { url: redisUrl, maxRetriesPerRequest: null },
    prefix: namespace === '' ? 'helpdesk' : `helpdesk:${namespace}`,
  };
}

/**
 * Workers hold a job's lock for 10 s and check for stalled jobs as often, so the jobs of a killed
 * worker are taken up by another within seconds; a job that stalls repeatedly is failed.
 */
export function workerOptions(
  redisUrl: string,
  namespace: string,
  concurrency: number,
): WorkerOptions {
  return {
    ...queueOptions(redisUrl, namespace),
    concurrency,
    lockDuration: 10_000,
    stalledInterval: 10_000,
    maxStalledCount: 3,
  };
}
