import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import fc from 'fast-check';
import pg from 'pg';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import {
  allRoutes,
  describeRequest,
  garbledPathRequests,
  hostileRequestFor,
  hugeBodyRequests,
  routeLabel,
  send,
  type Credentials,
  type HostileRequest,
  type RawResponse,
} from './support/hostile-requests.js';

/** Fixed, so a failure reproduces: the seed of route i is SEED + i. */
const SEED = 20_251_121;
const PER_ROUTE = 52;
const MIN_REQUESTS = 10_000;
const IN_FLIGHT = 8;
const BODY_LIMIT = 262_144;

const AGENT = 'hostile.agent@example.com';
const CUSTOMER = 'hostile.customer@example.com';

/** Row counts of every table and the head of every event log, across all service schemas. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ schema: string; table: string }>(
      `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
    );
    const print: Record<string, string> = {};
    for (const { schema, table } of tables.rows) {
      const qualified = `"${schema}"."${table}"`;
      const head =
        table === 'events'
          ? `, max(global_position)::text AS head`
          : table === 'streams'
            ? `, sum(version)::text AS head`
            : '';
      const row = (
        await client.query<{ count: string; head?: string }>(
          `SELECT count(*)::text AS count${head} FROM ${qualified}`,
        )
      ).rows[0]!;
      print[`${schema}.${table}`] = head ? `${row.count}@${row.head}` : row.count;
    }
    return print;
  } finally {
    await client.end();
  }
}

/** The fingerprint once it has stopped moving (projections and relays have caught up). */
async function settledFingerprint(url: string): Promise<Record<string, string>> {
  let last = '';
  let same = 0;
  let settled: Record<string, string> = {};
  await waitFor(
    async () => {
      settled = await fingerprint(url);
      const text = JSON.stringify(settled);
      same = text === last ? same + 1 : 0;
      last = text;
      return same >= 3;
    },
    { timeoutMs: 30_000, intervalMs: 250, what: 'the database to settle' },
  );
  return settled;
}

interface Failure {
  seed: string;
  request: HostileRequest;
  problem: string;
  response?: RawResponse;
}

/** What is wrong with a response to a hostile request, if anything. */
function problemWith(request: HostileRequest, response: RawResponse): string | undefined {
  if (response.status >= 500) return `server error ${response.status}`;
  if (request.expectStatus !== undefined && response.status !== request.expectStatus) {
    return `expected ${request.expectStatus}, got ${response.status}`;
  }
  if (request.mustFail && response.status < 300) {
    return `a write succeeded (${response.status}): the generator made a valid request`;
  }
  if (!/^application\/json\b/.test(response.contentType)) {
    return `content type ${JSON.stringify(response.contentType)} is not JSON`;
  }
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    return 'body is not JSON';
  }
  if (response.status < 400) return undefined;
  const envelope = body as Record<string, unknown> | null;
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.exc_type !== 'string') {
    return 'error body has no exc_type';
  }
  if (typeof envelope._server_messages !== 'string') return 'error body has no _server_messages';
  try {
    const messages = JSON.parse(envelope._server_messages) as unknown;
    if (!Array.isArray(messages) || messages.length === 0) return '_server_messages is not a list';
    for (const message of messages) {
      const parsed = JSON.parse(message as string) as { message?: unknown };
      if (typeof parsed.message !== 'string') return '_server_messages entry has no message';
    }
  } catch {
    return '_server_messages is not double-encoded JSON';
  }
  return undefined;
}

async function runAll(
  base: URL,
  batch: { seed: string; request: HostileRequest }[],
  counts: Map<number, number>,
  failures: Failure[],
): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batch.length) {
      const item = batch[next++]!;
      try {
        const response = await send(base, item.request, agent);
        counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
        const problem = problemWith(item.request, response);
        if (problem) failures.push({ ...item, problem, response });
      } catch (error) {
        if (closedMidBody(item.request, error)) {
          counts.set(0, (counts.get(0) ?? 0) + 1);
          continue;
        }
        failures.push({ ...item, problem: `no response: ${(error as Error).message}` });
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    agent.destroy();
  }
}

/**
 * A body streamed past the limit is answered 413 with `Connection: close`; the server then drops
 * the connection while the client is still sending, and the peer's reset may discard that answer
 * from the client's receive buffer before it is read (TCP gives no lingering close here). The
 * refusal is then only seen as the reset; the gateway staying alive and the database staying
 * unchanged are still checked.
 */
function closedMidBody(request: HostileRequest, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return request.streamedBytes !== undefined && (code === 'EPIPE' || code === 'ECONNRESET');
}

function report(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const failure of failures) {
    const key = `${failure.problem.replace(/\d{3}/g, 'NNN')} [${failure.request.label}]`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  const shown = [...groups.entries()].slice(0, 40).map(([key, group]) => {
    const first = group[0]!;
    const body = first.response ? ` → ${first.response.text.slice(0, 400)}` : '';
    return `  ${group.length} × ${key}, e.g. ${first.seed}: ${first.problem}\n    ${describeRequest(first.request)}${body}`;
  });
  return `${failures.length} hostile requests were mishandled (reproduce with the seed shown):\n${shown.join('\n')}`;
}

describe('hostile input through the gateway', () => {
  let stack: ApiStack;
  let credentials: Credentials;

  before(async () => {
    stack = await startApiStack(
      'hostile',
      { HELPDESK_RATE_LIMITS: 'off', HELPDESK_BODY_LIMIT_BYTES: String(BODY_LIMIT) },
      { assignmentReplicas: 1, sla: true, metrics: true, knowledge: true },
    );
    await stack.as(AGENT, ['Agent']);
    await stack.as(CUSTOMER);
    // One real ticket, so updates to an existing document are fuzzed too.
    const ticket = await stack.call('POST', '/api/resource/HD%20Ticket', {
      subject: 'Hostile input target',
      description: 'A ticket the fuzzer tries to break',
    });
    assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
    credentials = {
      authorization: {
        Administrator: `token ${stack.tokenOf('Administrator')}`,
        agent: `token ${stack.tokenOf(AGENT)}`,
        customer: `token ${stack.tokenOf(CUSTOMER)}`,
      },
      existing: { 'HD Ticket': String(ticket.body.data.name) },
    };
  });

  after(() => stack?.stop());

  it('answers every malformed request on every route with a 4xx envelope and changes nothing', async (t) => {
    const started = Date.now();
    const routes = allRoutes();
    const batch: { seed: string; request: HostileRequest }[] = [];
    routes.forEach((route, index) => {
      const seed = SEED + index;
      const requests = fc.sample(hostileRequestFor(route, credentials), {
        seed,
        numRuns: PER_ROUTE,
      });
      requests.forEach((request, n) =>
        batch.push({ seed: `seed ${seed} (${routeLabel(route)}) #${n}`, request }),
      );
    });
    hugeBodyRequests(BODY_LIMIT, credentials, SEED - 1).forEach((request, n) =>
      batch.push({ seed: `seed ${SEED - 1} (huge bodies) #${n}`, request }),
    );
    garbledPathRequests(credentials, SEED - 2).forEach((request, n) =>
      batch.push({ seed: `seed ${SEED - 2} (garbled paths) #${n}`, request }),
    );
    assert.ok(batch.length >= MIN_REQUESTS, `only ${batch.length} requests generated`);
    for (const caller of ['Administrator', 'agent', 'customer', 'guest', 'bad-auth']) {
      assert.ok(
        batch.some((item) => item.request.caller === caller),
        `no request as ${caller}`,
      );
    }

    const before = await settledFingerprint(stack.db.url);
    const counts = new Map<number, number>();
    const failures: Failure[] = [];
    await runAll(new URL(stack.api), batch, counts, failures);

    const byStatus = [...counts.entries()].sort(([a], [b]) => a - b);
    const fiveHundreds = byStatus.filter(([status]) => status >= 500);
    const fourHundreds = byStatus.filter(([status]) => status >= 400 && status < 500);
    const other = byStatus.filter(([status]) => status > 0 && status < 400);
    const closed = counts.get(0) ?? 0;
    const summary =
      `hostile input: ${batch.length} requests, ` +
      `${other.map(([s, n]) => `${s}=${n}`).join(', ')}${other.length ? ', ' : ''}` +
      `4xx: ${fourHundreds.map(([s, n]) => `${s}=${n}`).join(', ')}, ` +
      `5xx=${fiveHundreds.reduce((sum, [, n]) => sum + n, 0)}, ` +
      `closed mid-body=${closed} ` +
      `(${((Date.now() - started) / 1000).toFixed(1)}s)`;
    process.stdout.write(`${summary}\n`);
    // The repository's reporter shows test names only, so the summary is also one.
    await t.test(summary, () => undefined);
    if (failures.length > 0) assert.fail(report(failures));

    const afterwards = await settledFingerprint(stack.db.url);
    assert.deepEqual(afterwards, before, 'a hostile request changed the database');
  });

  it('leaves the gateway and every service alive and answering', async () => {
    for (const [name, app] of stack.apps) {
      const live = await fetch(`${app.url}/health/live`);
      assert.equal(live.status, 200, `${name} is not live`);
      const ready = await fetch(`${app.url}/health/ready`);
      assert.equal(ready.status, 200, `${name} is not ready`);
    }
    for (const doctype of [
      'HD Ticket',
      'HD Agent',
      'Assignment Rule',
      'HD Service Level Agreement',
    ]) {
      const count = await stack.call('POST', '/api/method/frappe.client.get_count', { doctype });
      assert.equal(count.status, 200, `${doctype}: ${JSON.stringify(count.body)}`);
    }
    const tickets = await stack.call('GET', '/api/resource/HD%20Ticket');
    assert.equal(tickets.status, 200);
    assert.equal(tickets.body.data.length, 1);
  });
});
