import type { LoadSample } from './load-runner.js';

export interface LoadStats {
  clients: number;
  requests: number;
  errors: number;
  throughputPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  firstError?: string;
}

export function summarize(sample: LoadSample): LoadStats {
  const sorted = Float64Array.from(sample.latenciesMs).sort();
  const seconds = sample.measuredMs / 1000;
  return {
    clients: sample.concurrency,
    requests: sorted.length,
    errors: sample.errors,
    throughputPerSecond: seconds > 0 ? sorted.length / seconds : Number.NaN,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    ...(sample.firstError === undefined ? {} : { firstError: sample.firstError }),
  };
}

/** Nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}
