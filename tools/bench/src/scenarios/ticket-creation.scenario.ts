import pg from 'pg';
import { createBaselineSchema, dropBaselineSchema } from '../baseline/baseline-schema.js';
import { createTicketInPostgres } from '../baseline/pg-create-transaction.js';
import { KeepAliveHttpClient } from '../keep-alive-http-client.js';
import { summarize, type LoadStats } from '../latency-stats.js';
import { runClosedLoop, type LoadPlan, type Operation } from '../load-runner.js';
import { measureLevels } from './levels.js';
import type { BenchContext, Scenario } from './scenario.js';

const TICKET_PATH = '/api/resource/HD%20Ticket';
const MAX_POOL = 64;

/** `POST /api/resource/HD Ticket` against the same transaction sent straight to Postgres. */
export const ticketCreationScenario: Scenario = {
  id: 'ticket-creation',
  title: 'Ticket creation',
  byDefault: true,
  async run(context) {
    const { config } = context;
    await createBaselineSchema(config.databaseUrl);
    try {
      const levels = await measureLevels(context, 'ticket creation', {
        baseline: (plan) => runBaseline(plan, context),
        api: (plan) => runApi(plan, context),
      });
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'PG baseline: the same create transaction (nextval, stream claim, event insert, ' +
          'pg_notify, read-model insert, count upsert, read back) sent straight to Postgres with pg.',
        levels,
      };
    } finally {
      await dropBaselineSchema(config.databaseUrl);
    }
  },
};

let sequence = 0;
function nextTicket() {
  sequence += 1;
  return { subject: `Bench ticket ${sequence}`, raisedBy: 'bench@example.com', priority: 'Medium' };
}

async function runApi(plan: LoadPlan, context: BenchContext): Promise<LoadStats> {
  const { config } = context;
  const http = new KeepAliveHttpClient(
    config.helpdeskUrl,
    { authorization: `token ${config.apiKey}:${config.apiSecret}` },
    plan.concurrency,
  );
  const createTicket: Operation = async () => {
    const ticket = nextTicket();
    const reply = await http.postJson(TICKET_PATH, {
      subject: ticket.subject,
      raised_by: ticket.raisedBy,
      priority: ticket.priority,
    });
    if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.body.slice(0, 200)}`);
    const document = (JSON.parse(reply.body) as { data?: { name?: unknown } }).data;
    if (!Number.isInteger(document?.name)) throw new Error(`no ticket name in ${reply.body}`);
  };
  try {
    return summarize(await runClosedLoop(plan, createTicket, context.signal));
  } finally {
    http.close();
  }
}

async function runBaseline(plan: LoadPlan, context: BenchContext): Promise<LoadStats> {
  const pool = new pg.Pool({
    connectionString: context.config.databaseUrl,
    max: Math.min(plan.concurrency, MAX_POOL),
    application_name: 'bench',
  });
  pool.on('error', () => undefined); // an idle client dropping is seen by the next checkout
  try {
    return summarize(
      await runClosedLoop(plan, () => createTicketInPostgres(pool, nextTicket()), context.signal),
    );
  } finally {
    await pool.end();
  }
}
