import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { KeepAliveHttpClient } from '../keep-alive-http-client.js';
import { percentile, summarize, type LoadStats } from '../latency-stats.js';
import { runClosedLoop, type LoadPlan } from '../load-runner.js';
import { ReadModelWatch } from '../read-model-watch.js';
import { measureLevels } from './levels.js';
import { ScenarioRefused, type BenchContext, type Scenario } from './scenario.js';

const TICKET_PATH = '/api/resource/HD%20Ticket';
/** Both have response and resolution terms in the Default SLA, so every ticket gets deadlines. */
const PRIORITIES = ['Urgent', 'High'];
/** sla-service's reckoning has come back to ticket-service's read model. */
const RECKONED = 'sla IS NOT NULL AND response_by IS NOT NULL';
/** Longest wait for a first ticket's SLA before the run is refused. */
const PROBE_TIMEOUT_MS = 60_000;
/** Longest wait for sla-service to catch up after a level, before the run is refused. */
const DRAIN_TIMEOUT_MS = 300_000;

/**
 * Tickets created through the API, counted when the last one carries the SLA that sla-service
 * chose and reckoned for it, against the same creations counted at their replies. The ratio is
 * what SLA application keeps of the API's creation rate, end to end.
 */
export const slaApplicationScenario: Scenario = {
  id: 'sla-application',
  title: 'SLAs applied end to end (API column: tickets given their SLA per second)',
  byDefault: false,
  async run(context) {
    const db = new pg.Pool({ connectionString: context.config.databaseUrl, max: 2 });
    try {
      await refuseWithoutSlaService(context, db);
      const levels = await measureLevels(context, 'sla-application', {
        baseline: (plan) => createTickets(plan, context, db, false),
        api: (plan) => createTickets(plan, context, db, true),
      });
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'Baseline ("PG" columns): the same POST /api/resource/HD Ticket (Urgent / High) counted ' +
          'at the replies; API: throughput = tickets / time until the last one has its sla and ' +
          "response_by in ticket-service's read model; latencies are the creation requests'.",
        levels,
      };
    } finally {
      await db.end();
    }
  },
};

/**
 * Creates tickets in a closed loop, counted until every one has its SLA (`untilReckoned`) or at
 * the replies. Either way the run ends once sla-service has caught up with its tickets.
 */
async function createTickets(
  plan: LoadPlan,
  context: BenchContext,
  db: pg.Pool,
  untilReckoned: boolean,
): Promise<LoadStats> {
  const http = benchClient(context, plan.concurrency);
  const reckoned = new ReadModelWatch(db, RECKONED);
  let sent = 0;
  let created = 0;
  const started = performance.now();
  try {
    const loading = runClosedLoop(
      plan,
      async () => {
        reckoned.expect(await createTicket(http, sent++));
        created += 1;
      },
      context.signal,
    );
    // The API's tickets are watched while the load runs, so each one's lag is seen close to when
    // its SLA lands; the baseline's only after it, untimed, so that no backlog spills over.
    const watching = untilReckoned
      ? reckoned.untilAllSeen(loading, drain(context))
      : loading.then(() => reckoned.untilAllSeen(loading, drain(context)));
    const [sample, waiting] = await Promise.all([loading, watching]);
    const stats = summarize(sample);
    if (waiting > 0 && !context.signal.aborted) {
      throw new ScenarioRefused(`${waiting} tickets still without an SLA; is sla-service running?`);
    }
    if (!untilReckoned) return stats;
    const seconds = (performance.now() - started) / 1000;
    const lags = Float64Array.from(reckoned.lagsMs).sort();
    context.progress(
      `sla-application, ${clients(plan.concurrency)}: creation to SLA in the read model ` +
        `p50 ${percentile(lags, 50).toFixed(0)} ms, p99 ${percentile(lags, 99).toFixed(0)} ms ` +
        `over ${lags.length} tickets`,
    );
    return { ...stats, requests: created, throughputPerSecond: created / seconds };
  } finally {
    http.close();
  }
}

/** One ticket whose SLA appears within a minute, or the run is refused. */
async function refuseWithoutSlaService(context: BenchContext, db: pg.Pool): Promise<void> {
  const http = benchClient(context, 1);
  const reckoned = new ReadModelWatch(db, RECKONED);
  try {
    const name = await createTicket(http, 0).catch((error: Error) => {
      throw new ScenarioRefused(`cannot create a ticket: ${error.message}`);
    });
    reckoned.expect(name);
    const options = { timeoutMs: PROBE_TIMEOUT_MS, signal: context.signal };
    if ((await reckoned.untilAllSeen(Promise.resolve(), options)) > 0 && !context.signal.aborted) {
      throw new ScenarioRefused(
        `no ticket got its SLA within ${PROBE_TIMEOUT_MS / 1000} s; sla-service does not seem ` +
          'to be running. Start the whole stack with `npm start`, then run the bench again.',
      );
    }
  } finally {
    http.close();
  }
}

async function createTicket(http: KeepAliveHttpClient, sequence: number): Promise<number> {
  const reply = await http.postJson(TICKET_PATH, {
    subject: `Bench SLA ${sequence + 1}`,
    raised_by: 'bench@example.com',
    priority: PRIORITIES[sequence % PRIORITIES.length],
  });
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  return (JSON.parse(reply.body) as { data: { name: number } }).data.name;
}

function benchClient(context: BenchContext, sockets: number): KeepAliveHttpClient {
  const { config } = context;
  const authorization = `token ${config.apiKey}:${config.apiSecret}`;
  return new KeepAliveHttpClient(config.helpdeskUrl, { authorization }, sockets);
}

function clients(count: number): string {
  return `${count} client${count === 1 ? '' : 's'}`;
}

function drain(context: BenchContext) {
  return { timeoutMs: DRAIN_TIMEOUT_MS, signal: context.signal };
}
