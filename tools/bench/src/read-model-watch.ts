import { performance } from 'node:perf_hooks';
import type pg from 'pg';

const POLL_MS = 20;

export interface WatchOptions {
  /** How long to keep polling once the load has ended. */
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Waits for tickets to reach a state that another service puts them in asynchronously, as seen
 * in ticket-service's read model (`condition` is SQL over `ticket.hd_ticket`). Each poll asks only
 * about the tickets not seen there yet, and notes how long after its `creation` each one was
 * first seen; both instants come from Postgres' clock in the same query.
 */
export class ReadModelWatch {
  /** Milliseconds from creation to first seen in the state, one per ticket seen. */
  readonly lagsMs: number[] = [];
  private readonly waiting = new Set<number>();

  constructor(
    private readonly db: pg.Pool,
    private readonly condition: string,
  ) {}

  expect(name: number): void {
    this.waiting.add(name);
  }

  /**
   * Polls until `loading` has settled and every expected ticket is in the state. Answers how many
   * were still waiting when `timeoutMs` after the load ran out or the run was interrupted (0 when
   * all arrived).
   */
  async untilAllSeen(loading: Promise<unknown>, options: WatchOptions): Promise<number> {
    let loadedAt: number | undefined;
    const loaded = () => (loadedAt = performance.now());
    loading.then(loaded, loaded);
    for (;;) {
      if (this.waiting.size > 0) await this.poll();
      if (loadedAt !== undefined && this.waiting.size === 0) return 0;
      const late = loadedAt !== undefined && performance.now() > loadedAt + options.timeoutMs;
      if (late || options.signal.aborted) return this.waiting.size;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async poll(): Promise<void> {
    const { rows } = await this.db.query<{ name: string; lag_ms: number }>(
      `SELECT name, extract(epoch FROM clock_timestamp() - creation)::float8 * 1000 AS lag_ms
         FROM ticket.hd_ticket
        WHERE name = ANY($1::bigint[]) AND (${this.condition})`,
      [[...this.waiting]],
    );
    for (const row of rows) {
      this.waiting.delete(Number(row.name));
      this.lagsMs.push(row.lag_ms);
    }
  }
}
