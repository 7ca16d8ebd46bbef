import { performance } from 'node:perf_hooks';

export interface LoadPlan {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

/** One request; resolves when it succeeded, rejects (with the reason) when it did not. */
export type Operation = () => Promise<unknown>;

export interface LoadSample {
  concurrency: number;
  /** Latency of every success that completed inside the measured window. */
  latenciesMs: number[];
  /** Failures that completed inside the measured window. */
  errors: number;
  firstError: string | undefined;
  measuredMs: number;
}

/**
 * Closed loop: `concurrency` clients each send their next request as soon as the previous one
 * answered. Requests completing during the warm-up are not counted; no client starts a request
 * once the measured window is over.
 */
export async function runClosedLoop(
  plan: LoadPlan,
  operation: Operation,
  signal?: AbortSignal,
): Promise<LoadSample> {
  const measureFrom = performance.now() + plan.warmupMs;
  const stopAt = measureFrom + plan.durationMs;
  const latenciesMs: number[] = [];
  let errors = 0;
  let firstError: string | undefined;

  const client = async (): Promise<void> => {
    while (!signal?.aborted && performance.now() < stopAt) {
      const sentAt = performance.now();
      let failure: unknown;
      let failed = false;
      try {
        await operation();
      } catch (error) {
        failure = error;
        failed = true;
      }
      const doneAt = performance.now();
      if (doneAt < measureFrom || doneAt > stopAt) continue;
      if (!failed) {
        latenciesMs.push(doneAt - sentAt);
      } else {
        errors += 1;
        firstError ??= failure instanceof Error ? failure.message : String(failure);
      }
    }
  };

  await Promise.all(Array.from({ length: plan.concurrency }, client));
  const measuredMs = Math.max(0, Math.min(performance.now(), stopAt) - measureFrom);
  return { concurrency: plan.concurrency, latenciesMs, errors, firstError, measuredMs };
}
