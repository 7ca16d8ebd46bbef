import type { BenchConfig } from '../bench-config.js';
import type { FigureTable } from '../figure-table.js';
import type { LoadStats } from '../latency-stats.js';

export interface BenchContext {
  config: BenchConfig;
  /** Aborted on Ctrl-C: stop sending, clean up, return what was measured. */
  signal: AbortSignal;
  /** Progress for the operator; goes to stderr so stdout stays the report. */
  progress: (line: string) => void;
}

/** One concurrency level: the API and its Postgres baseline under the same load. */
export interface LevelResult {
  clients: number;
  api: LoadStats;
  baseline: LoadStats;
}

export interface ScenarioResult {
  id: string;
  title: string;
  /** What the baseline does, in one line, for the report. */
  baselineNote: string;
  /** Closed-loop levels; empty for a scenario that reports a `table` instead. */
  levels: LevelResult[];
  /** Figures that are not per concurrency level (lags, drain rates), shown as they are. */
  table?: FigureTable;
}

/** A benchmark scenario; add one by writing a file and listing it in `scenarios/index.ts`. */
export interface Scenario {
  id: string;
  title: string;
  /** Run by a bare `npm run bench`; the others only when named. */
  byDefault: boolean;
  /**
   * Whether it loads the stack `npm start` runs (true unless said otherwise); a scenario that
   * starts the services it measures itself runs without the gateway or its credentials.
   */
  needsStack?: boolean;
  run(context: BenchContext): Promise<ScenarioResult>;
}

/** The scenario cannot measure anything meaningful here; the message says what to do. */
export class ScenarioRefused extends Error {}
