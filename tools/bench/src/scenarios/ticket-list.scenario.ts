import pg from 'pg';
import {
  listTicketsInPostgres,
  ticketCountInPostgres,
  type TicketListFilters,
} from '../baseline/pg-ticket-list.js';
import { KeepAliveHttpClient } from '../keep-alive-http-client.js';
import { summarize } from '../latency-stats.js';
import { runClosedLoop } from '../load-runner.js';
import { withoutPassword } from '../database-url.js';
import { measureLevels } from './levels.js';
import { ScenarioRefused, type BenchContext, type Scenario } from './scenario.js';

const LIST_PATH = '/api/method/helpdesk.api.doc.get_list_data';
const FILTERS: TicketListFilters = { status: 'Open', priority: 'High', agent_group: 'Billing' };
const PAGE_LENGTH = 20;
const BODY = {
  doctype: 'HD Ticket',
  filters: FILTERS,
  order_by: 'modified desc',
  page_length: PAGE_LENGTH,
};
const MIN_TICKETS = 100_000;
const MAX_POOL = 64;
const SEED_HINT = 'npm run seed -- --tickets 1000000';

interface ListReply {
  message?: { data?: unknown[]; total_count?: unknown; row_count?: unknown };
}

/** The agent's ticket list with three filters on a large seeded set, beside the same SQL in Postgres. */
export const ticketListScenario: Scenario = {
  id: 'ticket-list',
  title: `Ticket list on the seeded set (${Object.values(FILTERS).join(' / ')}, 20 rows + total)`,
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
      await assertSeededSet(pool, http, context);
      const levels = await measureLevels(context, 'ticket list', {
        baseline: async (plan) =>
          summarize(
            await runClosedLoop(
              plan,
              () => listTicketsInPostgres(pool, FILTERS, PAGE_LENGTH),
              context.signal,
            ),
          ),
        api: async (plan) =>
          summarize(await runClosedLoop(plan, () => listThroughApi(http), context.signal)),
      });
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'PG baseline: the list SELECT the service compiles (20 rows, modified desc) and an ' +
          'exact count(*) with the same filters, sent straight to Postgres with pg.',
        levels,
      };
    } finally {
      http.close();
      await pool.end();
    }
  },
};

const listThroughApi = async (http: KeepAliveHttpClient) => {
  const reply = await http.postJson(LIST_PATH, BODY);
  if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
  const message = (JSON.parse(reply.body) as ListReply).message;
  if (!Array.isArray(message?.data) || typeof message.total_count !== 'number') {
    throw new Error(`no list in ${reply.body.slice(0, 200)}`);
  }
  return message as { data: unknown[]; total_count: number };
};

/**
 * A list over a few hundred tickets says nothing about indexes or counts, and a stack reading
 * another database than the baseline compares nothing: both are refused with what to do.
 */
async function assertSeededSet(
  pool: pg.Pool,
  http: KeepAliveHttpClient,
  context: BenchContext,
): Promise<void> {
  const tickets = await ticketCountInPostgres(pool);
  if (tickets < MIN_TICKETS) {
    throw new ScenarioRefused(
      `ticket-list needs at least ${MIN_TICKETS} tickets, but ${withoutPassword(context.config.databaseUrl)} ` +
        `has ${tickets}. Load a large set first: \`${SEED_HINT}\` (same DATABASE_URL as the stack), ` +
        `then run the bench again.`,
    );
  }
  const [api, direct] = await Promise.all([
    listThroughApi(http),
    listTicketsInPostgres(pool, FILTERS, PAGE_LENGTH),
  ]);
  if (api.total_count !== direct.total || api.data.length !== direct.rows) {
    throw new ScenarioRefused(
      `the helpdesk at ${context.config.helpdeskUrl} counts ${api.total_count} matching tickets ` +
        `but ${withoutPassword(context.config.databaseUrl)} has ${direct.total}: start the stack and the ` +
        `bench with the same DATABASE_URL.`,
    );
  }
  context.progress(`ticket list: ${tickets} tickets, ${direct.total} match the filters`);
}
