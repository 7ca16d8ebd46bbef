import type { LoadStats } from '../latency-stats.js';
import type { LoadPlan } from '../load-runner.js';
import type { BenchContext, LevelResult } from './scenario.js';

export interface LevelRuns {
  baseline(plan: LoadPlan): Promise<LoadStats>;
  api(plan: LoadPlan): Promise<LoadStats>;
}

/** Every configured concurrency level in turn, the Postgres baseline first, then the API. */
export async function measureLevels(
  context: BenchContext,
  label: string,
  runs: LevelRuns,
): Promise<LevelResult[]> {
  const { config } = context;
  const levels: LevelResult[] = [];
  for (const clients of config.clientLevels) {
    if (context.signal.aborted) break;
    const plan: LoadPlan = {
      concurrency: clients,
      warmupMs: config.warmupSeconds * 1000,
      durationMs: config.secondsPerLevel * 1000,
    };
    const who = `${clients} client${clients === 1 ? '' : 's'}`;
    context.progress(`${label}, ${who}: Postgres baseline`);
    const baseline = await runs.baseline(plan);
    context.progress(`${label}, ${who}: API`);
    const api = await runs.api(plan);
    levels.push({ clients, api, baseline });
  }
  return levels;
}
