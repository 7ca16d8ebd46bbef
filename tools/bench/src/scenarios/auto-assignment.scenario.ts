import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { KeepAliveHttpClient } from '../keep-alive-http-client.js';
import { summarize, type LoadStats } from '../latency-stats.js';
import { runClosedLoop, type LoadPlan } from '../load-runner.js';
import { ReadModelWatch } from '../read-model-watch.js';
import { measureLevels } from './levels.js';
import { ScenarioRefused, type BenchContext, type Scenario } from './scenario.js';

const TICKET_PATH = '/api/resource/HD%20Ticket';
const AGENTS = [1, 2, 3, 4, 5].map((n) => `bench-agent-${n}@bench.example`);
/** Longest wait for the rule service to catch up after a level, before the run is refused. */
const DRAIN_TIMEOUT_MS = 300_000;
const ASSIGNED = 'coalesce(jsonb_array_length(_assign), 0) > 0';

/**
 * Tickets opened in a team whose Round Robin rule assigns them, counted when assignment-rule-
 * service has assigned the last one, against the same creations without a team (no rule runs).
 * The ratio is what automatic assignment keeps of the API's creation rate, end to end.
 */
export const autoAssignmentScenario: Scenario = {
  id: 'auto-assignment',
  title: 'Tickets auto-assigned end to end (API column: tickets assigned per second)',
  byDefault: false,
  async run(context) {
    const team = await benchTeam(context);
    const db = new pg.Pool({ connectionString: context.config.databaseUrl, max: 2 });
    try {
      const levels = await measureLevels(context, 'auto-assignment', {
        baseline: (plan) => createTickets(plan, context, null, db),
        api: (plan) => createTickets(plan, context, team, db),
      });
      return {
        id: this.id,
        title: this.title,
        baselineNote:
          'Baseline ("PG" columns): the same POST /api/resource/HD Ticket without a team, so no ' +
          'rule assigns; API: created in a team of 5 agents, throughput = tickets / time until ' +
          'the last one was assigned by assignment-rule-service; latencies are the creation ' +
          "requests'.",
        levels,
      };
    } finally {
      await db.end();
      await removeTeam(context, team);
    }
  },
};

/** The bench team goes when the run ends, and its rule with it; the bench agents stay. */
async function removeTeam(context: BenchContext, team: string): Promise<void> {
  const { config } = context;
  const response = await fetch(
    `${config.helpdeskUrl}/api/resource/HD%20Team/${encodeURIComponent(team)}`,
    {
      method: 'DELETE',
      headers: { authorization: `token ${config.apiKey}:${config.apiSecret}` },
    },
  );
  if (!response.ok) context.progress(`could not remove ${team}: HTTP ${response.status}`);
}

async function createTickets(
  plan: LoadPlan,
  context: BenchContext,
  team: string | null,
  db: pg.Pool,
): Promise<LoadStats> {
  const { config } = context;
  const http = new KeepAliveHttpClient(
    config.helpdeskUrl,
    { authorization: `token ${config.apiKey}:${config.apiSecret}` },
    plan.concurrency,
  );
  const assigned = new ReadModelWatch(db, ASSIGNED);
  let created = 0;
  const started = performance.now();
  try {
    const sample = await runClosedLoop(
      plan,
      async () => {
        const reply = await http.postJson(TICKET_PATH, {
          subject: `Bench assignment ${created + 1}`,
          raised_by: 'bench@example.com',
          ...(team ? { agent_group: team } : {}),
        });
        if (reply.status !== 200) throw new Error(`HTTP ${reply.status}: ${reply.body}`);
        assigned.expect((JSON.parse(reply.body) as { data: { name: number } }).data.name);
        created += 1;
      },
      context.signal,
    );
    const stats = summarize(sample);
    if (!team) return stats;
    const waiting = await assigned.untilAllSeen(Promise.resolve(), {
      timeoutMs: DRAIN_TIMEOUT_MS,
      signal: context.signal,
    });
    if (waiting > 0) {
      throw new ScenarioRefused(
        `${waiting} tickets still unassigned; is assignment-rule-service running?`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    return { ...stats, requests: created, throughputPerSecond: created / seconds };
  } finally {
    http.close();
  }
}

/** A team of five bench agents, and its Support Rotation rule once it has all of them. */
async function benchTeam(context: BenchContext): Promise<string> {
  const { config } = context;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${config.helpdeskUrl}${path}`, {
      method,
      headers: {
        authorization: `token ${config.apiKey}:${config.apiSecret}`,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const team = `Bench rotation ${Date.now()}`;
  const agents = await call('GET', `/api/resource/HD Agent?filters=${filterOn(AGENTS)}`);
  const known = ((agents.body.data as { name: string }[] | undefined) ?? []).map((a) => a.name);
  const missing = AGENTS.filter((agent) => !known.includes(agent));
  if (missing.length > 0) {
    const invited = await call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: missing,
    });
    if (invited.status !== 200) throw new ScenarioRefused(`cannot invite bench agents`);
  }
  const created = await call('POST', '/api/resource/HD Team', {
    team_name: team,
    users: AGENTS.map((user) => ({ user })),
  });
  if (created.status !== 200) throw new ScenarioRefused(`cannot create ${team}`);
  const rule = `/api/resource/Assignment Rule/${encodeURIComponent(`${team} - Support Rotation`)}`;
  const deadline = performance.now() + 30_000;
  for (;;) {
    const found = await call('GET', rule);
    const users = (found.body.data as { users?: unknown[] } | undefined)?.users ?? [];
    if (found.status === 200 && users.length === AGENTS.length) return team;
    if (performance.now() > deadline) {
      throw new ScenarioRefused(`no rule for ${team}; is assignment-rule-service running?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function filterOn(names: string[]): string {
  return encodeURIComponent(JSON.stringify([['name', 'in', names]]));
}
