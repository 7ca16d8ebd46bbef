import { performance } from 'node:perf_hooks';
import { percentile } from '../latency-stats.js';

const POLL_MS = 20;

/**
 * Epoch milliseconds with a fraction: events are stamped and arrivals noted with it, all in the
 * bench's process, so sub-millisecond lags (the transport's) do not round to 0.
 */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

export interface LagFigures {
  tickets: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** When the last of them arrived (`epochNow`). */
  lastAt: number;
  /** Tickets that never arrived in time. */
  missing: number;
}

/**
 * When something first arrived for each ticket (`epochNow`, the clock the events are stamped
 * with), and waiting until every ticket of a run has arrived. Arrivals are stamped as they
 * happen; polling only decides when to stop waiting.
 */
export class TicketArrivals {
  private readonly at = new Map<number, number>();

  record(ticket: number, at = epochNow()): void {
    if (!this.at.has(ticket)) this.at.set(ticket, at);
  }

  has(ticket: number): boolean {
    return this.at.has(ticket);
  }

  /** How many of `tickets` are still missing once all arrived, `timeoutMs` passed or aborted. */
  async until(tickets: readonly number[], timeoutMs: number, signal: AbortSignal): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const missing = tickets.filter((ticket) => !this.at.has(ticket)).length;
      if (missing === 0 || signal.aborted || performance.now() > deadline) return missing;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Arrival minus `since` per ticket that arrived; the others count as missing. */
  lags(since: ReadonlyMap<number, number>): LagFigures {
    const lags: number[] = [];
    let lastAt = Number.NaN;
    for (const [ticket, from] of since) {
      const arrived = this.at.get(ticket);
      if (arrived === undefined) continue;
      lags.push(arrived - from);
      if (!(arrived <= lastAt)) lastAt = arrived;
    }
    const sorted = Float64Array.from(lags).sort();
    return {
      tickets: since.size,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      maxMs: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
      lastAt,
      missing: since.size - sorted.length,
    };
  }
}
