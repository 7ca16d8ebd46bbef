import { BenchConfigError, loadBenchConfig, type BenchConfig } from './bench-config.js';
import { isGatewayReady } from './gateway-readiness.js';
import { machineInfo } from './machine-info.js';
import { withoutPassword } from './database-url.js';
import { renderReport } from './report-table.js';
import {
  ScenarioRefused,
  selectScenarios,
  type Scenario,
  type ScenarioResult,
} from './scenarios/index.js';

/**
 * `npm run bench [-- <scenario>…] [--json]`: load against the running stack, side by side with the
 * same work sent straight to Postgres; scenarios that start their own services (the metrics
 * worker's) need no stack. Without names, the default scenarios run. Prints a table
 * (or, with `--json`, the raw figures) to stdout; progress to stderr.
 */
async function main(args: string[]): Promise<number> {
  const json = args.includes('--json');
  let config: BenchConfig;
  let selected: Scenario[];
  let needsStack: boolean;
  try {
    selected = selectScenarios(args.filter((arg) => !arg.startsWith('--')));
    needsStack = selected.some((scenario) => scenario.needsStack !== false);
    config = loadBenchConfig(needsStack);
  } catch (error) {
    if (!(error instanceof BenchConfigError)) throw error;
    console.error(`bench: ${error.message}`);
    return 1;
  }
  if (needsStack && !(await isGatewayReady(config.helpdeskUrl))) {
    console.error(
      `bench: the helpdesk at ${config.helpdeskUrl} is not ready (GET /health/ready did not ` +
        `answer 200). Start the stack with \`npm start\` first, then run the bench again.`,
    );
    return 1;
  }

  const aborter = new AbortController();
  process.once('SIGINT', () => {
    console.error('bench: interrupted; stopping clients and cleaning up');
    aborter.abort();
  });
  const context = {
    config,
    signal: aborter.signal,
    progress: (line: string) => console.error(`bench: ${line}`),
  };
  const results: ScenarioResult[] = [];
  for (const scenario of selected) {
    if (aborter.signal.aborted) break;
    try {
      results.push(await scenario.run(context));
    } catch (error) {
      if (!(error instanceof ScenarioRefused)) throw error;
      console.error(`bench: ${error.message}`);
      return 1;
    }
  }
  if (aborter.signal.aborted) return 130;

  const machine = machineInfo();
  if (json) {
    const { apiKey: _key, apiSecret: _secret, databaseUrl, natsUrl, redisUrl, ...rest } = config;
    const settings = {
      ...rest,
      databaseUrl: withoutPassword(databaseUrl),
      natsUrl: withoutPassword(natsUrl),
      redisUrl: withoutPassword(redisUrl),
    };
    console.log(JSON.stringify({ machine, settings, scenarios: results }, null, 2));
  } else {
    console.log(renderReport(results, config, machine, needsStack));
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
