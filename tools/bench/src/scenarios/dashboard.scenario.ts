import pg from 'pg';
import {
  dashboardInPostgres,
  ticketsCreatedInPostgres,
  type DashboardDates,
  type DashboardQuery,
} from '../baseline/pg-dashboard.js';
import { ticketCountInPostgres } from '../baseline/pg-ticket-list.js';
import { withoutPassword } from '../database-url.js';
import { KeepAliveHttpClient } from '../keep-alive-http-client.js';
import { summarize } from '../latency-stats.js';
import { runClosedLoop } from '../load-runner.js';
import { measureLevels } from './levels.js';
import { ScenarioRefused, type BenchContext, type Scenario } from './scenario.js';

const DASHBOARD_PATH = '/api/method/helpdesk.api.dashboard.get_dashboard_data';
/** Each dashboard for everyone and for one seeded team, taken in turn by every client. */
const QUERIES: DashboardQuery[] = (['number_card', 'trend', 'master'] as const).flatMap((type) => [
  { type, team: null },
  { type, team: 'Billing' },
]);
const MIN_TICKETS = 100_000;
const MAX_POOL = 64;
const SEED_HINT = 'npm run seed -- --tickets 1000000';
const CATCH_UP_TIMEOUT_MS = 30 * 60_000;
const CATCH_UP_POLL_MS = 2_000;

interface CardsReply {
  message?: { title?: string; value?: unknown }[];
}

/**
 * The manager dashboard on a large seeded set (number cards, trends and breakdowns, for everyone
 * and for a team, in turn): metrics-worker reading its rollups, beside the SQL Frappe runs for
 * the same figures straight over ticket-service's `hd_ticket`, the scan the rollups avoid.
 */
export const dashboardScenario: Scenario = {
  id: 'dashboard',
  title: 'Manager dashboard on the seeded set (cards, trends, breakdowns; everyone and a team)',
  byDefault: false,
  async run(context) {
    const { config } = context;
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: Math.min(Math.max(...config.clientLevels), MAX_POOL),
      application_name: 'bench',
    });
    pool.on('error', () => undefined); // an idle client dropping is seen by the next checkout
    const http = new KeepAliveHttpClient(
      config.helpdeskUrl,
      { authorization: `token ${config.apiKey}:${config.apiSecret}` },
      Math.max(...config.clientLevels),
    );
    try {
      const dates = await awaitCaughtUp(pool, http, context);
      let next = 0;
      const query = () => QUERIES[next++ % QUERIES.length]!;
      const levels = await measureLevels(context, 'dashboard', {
        baseline: async (plan) =>
          summarize(
            await runClosedLoop(
              plan,
              () => dashboardInPostgres(pool, query(), dates),
              context.signal,
            ),
          ),
        api: async (plan) =>
          summarize(
            await runClosedLoop(plan, () => dashboardThroughApi(http, query()), context.signal),
          ),
      });
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'PG baseline: the statements Frappe runs for each dashboard (6 for the cards, 4 for ' +
          'the trends, 4 for the breakdowns) over ticket.hd_ticket, last 30 days, one after ' +
          'another on one connection, sent straight to Postgres with pg.',
        levels,
      };
    } finally {
      http.close();
      await pool.end();
    }
  },
};

async function dashboardThroughApi(http: KeepAliveHttpClient, query: DashboardQuery) {
  const reply = await http.postJson(DASHBOARD_PATH, {
    dashboard_type: query.type,
    filters: query.team ? { team: query.team } : {},
  });
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  const message = (JSON.parse(reply.body) as CardsReply).message;
  if (!Array.isArray(message)) throw new Error(`no dashboard in ${reply.body.slice(0, 200)}`);
  return message;
}

/** Tickets the dashboard counts as created in a range of days (the "Tickets" card). */
async function ticketsCardThroughApi(http: KeepAliveHttpClient, from: string, to: string) {
  const reply = await http.postJson(DASHBOARD_PATH, {
    dashboard_type: 'number_card',
    filters: { from_date: from, to_date: to },
  });
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  const cards = (JSON.parse(reply.body) as CardsReply).message ?? [];
  return Number(cards.find((card) => card.title === 'Tickets')?.value ?? NaN);
}

/**
 * A small set says nothing about the scan the rollups avoid, so one under 100,000 tickets is
 * refused. The seeded tickets reach the rollups as ticket-service's relay publishes their events
 * and metrics-worker applies them: this waits until the dashboard counts every ticket the read
 * model holds, printing the rate it catches up at, and refuses if it never does.
 */
async function awaitCaughtUp(
  pool: pg.Pool,
  http: KeepAliveHttpClient,
  context: BenchContext,
): Promise<DashboardDates> {
  const { config } = context;
  const tickets = await ticketCountInPostgres(pool);
  if (tickets < MIN_TICKETS) {
    throw new ScenarioRefused(
      `dashboard needs at least ${MIN_TICKETS} tickets, but ${withoutPassword(config.databaseUrl)} ` +
        `has ${tickets}. Load a large set first: \`${SEED_HINT}\` (same DATABASE_URL as the stack), ` +
        `then run the bench again.`,
    );
  }
  const { rows } = await pool.query<{ today: string; from: string; previous: string }>(
    `SELECT (now() AT TIME ZONE $1)::date::text AS today,
            ((now() AT TIME ZONE $1)::date - 30)::text AS from,
            ((now() AT TIME ZONE $1)::date - 60)::text AS previous`,
    [config.timeZone],
  );
  const { today, from, previous } = rows[0]!;
  const everything = { from: '1970-01-01', to: today };
  const expected = await ticketsCreatedInPostgres(
    pool,
    everything.from,
    everything.to,
    config.timeZone,
  );
  const startedAt = Date.now();
  let first: number | undefined;
  for (;;) {
    const counted = await ticketsCardThroughApi(http, everything.from, everything.to);
    first ??= counted;
    if (counted === expected) break;
    const seconds = (Date.now() - startedAt) / 1000;
    if (Date.now() - startedAt > CATCH_UP_TIMEOUT_MS || context.signal.aborted) {
      throw new ScenarioRefused(
        `the dashboard counts ${counted} tickets but ${withoutPassword(config.databaseUrl)} has ` +
          `${expected}: metrics-worker has not caught up after ${seconds.toFixed(0)} s (is it ` +
          `running against the same NATS and DATABASE_URL as ticket-service?).`,
      );
    }
    context.progress(
      `dashboard: waiting for the projection, ${counted} of ${expected} tickets` +
        (seconds > 0 ? ` (${((counted - first) / seconds).toFixed(0)} tickets/s)` : ''),
    );
    await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
  }
  const window = await ticketsCardThroughApi(http, from, today);
  const direct = await ticketsCreatedInPostgres(pool, from, today, config.timeZone);
  if (window !== direct) {
    throw new ScenarioRefused(
      `the dashboard counts ${window} tickets in the last 30 days but Postgres ${direct}: the ` +
        `stack and the bench disagree on the site's zone (HELPDESK_TIME_ZONE=${config.timeZone}).`,
    );
  }
  context.progress(`dashboard: ${tickets} tickets, ${direct} in the last 30 days, all counted`);
  return { from, to: today, previousFrom: previous, timeZone: config.timeZone };
}
