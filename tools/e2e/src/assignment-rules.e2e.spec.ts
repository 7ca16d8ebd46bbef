import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import { namespacedStream, namespacedSubject } from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { TICKET_EVENTS_STREAM } from '@helpdesk/ticket-contracts';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { sql } from './support/ticket-api-calls.js';

const SUPPORT = ['ada', 'ben', 'cal', 'dot', 'eve'].map((n) => `${n}@example.com`);
const TICKETS = 1_000;
const RULES = '/api/resource/Assignment Rule';

/** Every ticket's `_assign`, from ticket-service's read model. */
async function assignees(stack: ApiStack, names?: number[]): Promise<Map<number, string[]>> {
  const rows = await sql(
    stack,
    `SELECT name, coalesce(_assign, '[]'::jsonb) AS assign FROM ticket.hd_ticket
      WHERE $1::bigint[] IS NULL OR name = ANY($1::bigint[])`,
    [names ?? null],
  );
  return new Map(rows.map((row) => [Number(row.name), row.assign as string[]]));
}

/** How many times each ticket was assigned by a rule, from ticket-service's event log. */
async function ruleAssignmentsPerTicket(stack: ApiStack): Promise<Map<string, number>> {
  const rows = await sql(
    stack,
    `SELECT stream_id, count(*)::int AS n FROM ticket.events
      WHERE event_type = 'AgentAssigned' AND data ? 'rule' GROUP BY stream_id`,
  );
  return new Map(rows.map((row) => [String(row.stream_id), Number(row.n)]));
}

async function openTickets(stack: ApiStack, count: number, doc: Record<string, unknown>) {
  const names: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const created = await stack.call('POST', '/api/resource/HD Ticket', {
        subject: `Question ${i}`,
        raised_by: `customer${i % 50}@customer.com`,
        ...doc,
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      names.push(created.body.data.name as number);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return names.sort((a, b) => a - b);
}

async function createTeam(stack: ApiStack, team: string, users: string[]): Promise<void> {
  const created = await stack.call('POST', '/api/resource/HD Team', {
    team_name: team,
    users: users.map((user) => ({ user })),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  await waitFor(
    async () => {
      const [row] = await sql(
        stack,
        `SELECT jsonb_array_length(r.users) AS users FROM assignment.team t
           JOIN assignment.assignment_rule r ON r.name = t.rule WHERE t.name = $1`,
        [team],
      );
      return row && Number(row.users) === users.length;
    },
    { what: `the ${team} rule to follow the team` },
  );
}

async function decisionsSent(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return [...text.matchAll(/^helpdesk_assignment_decisions_sent_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

describe('assignment-rule-service assigns tickets by the rules, with two replicas', () => {
  let stack: ApiStack;

  before(async () => {
    stack = await startApiStack('assignment', {}, { assignmentReplicas: 2 });
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: [...SUPPORT, 'fay@example.com', 'gus@example.com', 'hal@example.com'],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
  });

  after(async () => {
    await stack?.stop();
  });

  it('gives each new team its Support Rotation rule and names it on the team', async () => {
    await createTeam(stack, 'Support', SUPPORT);
    const rule = await stack.call('GET', `${RULES}/Support - Support Rotation`);
    assert.equal(rule.status, 200, JSON.stringify(rule.body));
    assert.equal(rule.body.data.rule, 'Round Robin');
    assert.equal(rule.body.data.priority, 1);
    assert.equal(rule.body.data.assign_condition, "status == 'Open' and agent_group == 'Support'");
    assert.deepEqual(
      rule.body.data.users.map((row: { user: string }) => row.user),
      SUPPORT,
    );
    await waitFor(
      async () => {
        const team = await stack.call('GET', '/api/resource/HD Team/Support');
        return team.body.data?.assignment_rule === 'Support - Support Rotation';
      },
      { what: 'HD Team Support to name its rule' },
    );
  });

  it(`round-robins ${TICKETS} tickets over 5 agents: each once, counts within 1`, async (t) => {
    const started = performance.now();
    const names = await openTickets(stack, TICKETS, { agent_group: 'Support' });
    const created = performance.now();
    const final = await waitFor(
      async () => {
        const now = await assignees(stack, names);
        return [...now.values()].every((list) => list.length > 0) ? now : undefined;
      },
      { timeoutMs: 180_000, intervalMs: 250, what: 'every ticket to be assigned' },
    );
    const done = performance.now();
    for (const [name, list] of final) assert.equal(list.length, 1, `ticket ${name}: ${list}`);
    const perAgent = new Map<string, number>();
    for (const [list] of final.values()) perAgent.set(list!, (perAgent.get(list!) ?? 0) + 1);
    assert.deepEqual([...perAgent.keys()].sort(), [...SUPPORT].sort());
    const counts = [...perAgent.values()];
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, JSON.stringify([...perAgent]));
    const perTicket = await ruleAssignmentsPerTicket(stack);
    assert.equal(perTicket.size, TICKETS);
    assert.ok(
      [...perTicket.values()].every((n) => n === 1),
      'a ticket was assigned twice',
    );
    const replicas = ['assignment-rule-service', 'assignment-rule-service-2'];
    const sent = await Promise.all(replicas.map((r) => decisionsSent(stack.apps.get(r)!.url)));
    assert.ok(
      sent.every((n) => n > 0),
      `both replicas decide: ${sent}`,
    );
    t.diagnostic(
      `${TICKETS} tickets: created in ${((created - started) / 1000).toFixed(1)} s, all ` +
        `assigned ${((done - started) / 1000).toFixed(1)} s after the first request ` +
        `(${(TICKETS / ((done - started) / 1000)).toFixed(0)} tickets/s end to end); ` +
        `decisions per replica ${sent.join(' / ')}`,
    );
  });

  it('applies a redelivered ticket event once: still exactly one assignment', async () => {
    const [ticket] = await openTickets(stack, 1, { agent_group: 'Support' });
    const assigned = await waitFor(
      async () => (await assignees(stack, [ticket!])).get(ticket!)?.length === 1,
      { what: 'the ticket to be assigned' },
    );
    assert.ok(assigned);
    const before = await assignees(stack, [ticket!]);
    // As if the broker redelivered the opening and the decision's reply had been lost.
    await sql(stack, `UPDATE assignment.rule_decision SET dispatched_at = NULL WHERE ticket = $1`, [
      ticket,
    ]);
    const nats = await connect({ servers: testConfig.NATS_URL });
    try {
      const jsm = await jetstreamManager(nats);
      const subject = namespacedSubject(stack.namespace, 'helpdesk.ticket.v1.opened');
      const stream = namespacedStream(stack.namespace, TICKET_EVENTS_STREAM);
      const stored = await jsm.streams.getMessage(stream, { last_by_subj: subject });
      assert.ok(stored);
      const again = headers();
      again.set('Nats-Msg-Id', randomUUID());
      assert.equal(stored.json<{ ticket: number }>().ticket, ticket);
      await jetstream(nats).publish(subject, stored.data, { headers: again });
    } finally {
      await nats.close();
    }
    await waitFor(
      async () => {
        const [row] = await sql(
          stack,
          `SELECT count(*)::int AS pending FROM assignment.rule_decision
            WHERE ticket = $1 AND dispatched_at IS NULL`,
          [ticket],
        );
        return Number(row!.pending) === 0;
      },
      { what: 'the redelivered event to be handled' },
    );
    const [row] = await sql(
      stack,
      `SELECT applied FROM assignment.rule_decision WHERE ticket = $1`,
      [ticket],
    );
    assert.equal(row!.applied, false, 'the repeated decision is void');
    assert.deepEqual(await assignees(stack, [ticket!]), before);
    const perTicket = await ruleAssignmentsPerTicket(stack);
    assert.equal(perTicket.get(`ticket-${ticket}`), 1);
  });

  it('load balancing gives the ticket to the agent with the fewest open tickets', async () => {
    const [fay, gus, hal] = ['fay@example.com', 'gus@example.com', 'hal@example.com'];
    await createTeam(stack, 'Balanced', [fay!, gus!, hal!]);
    const rule = await stack.call('POST', RULES, {
      name: 'Least busy first',
      document_type: 'HD Ticket',
      rule: 'Load Balancing',
      priority: 5,
      assign_condition: "status == 'Open' and agent_group == 'Balanced'",
      users: [fay, gus, hal].map((user) => ({ user })),
      assignment_days: [
        'Monday',
        'Tuesday',
        'Wednesday',
        'Thursday',
        'Friday',
        'Saturday',
        'Sunday',
      ].map((day) => ({ day })),
    });
    assert.equal(rule.status, 200, JSON.stringify(rule.body));
    // fay has two open tickets, gus one, hal none.
    const manual = await openTickets(stack, 3, {});
    for (const [ticket, agent] of [
      [manual[0], fay],
      [manual[1], fay],
      [manual[2], gus],
    ] as const) {
      const done = await stack.call(
        'POST',
        '/api/method/helpdesk.api.ticket.assign_ticket_to_agent',
        {
          ticket_id: ticket,
          agent_id: agent,
        },
      );
      assert.equal(done.status, 200, JSON.stringify(done.body));
    }
    await waitFor(
      async () => {
        const [row] = await sql(
          stack,
          `SELECT count(*)::int AS n FROM assignment.ticket
            WHERE assignees && ARRAY[$1, $2]::text[]`,
          [fay, gus],
        );
        return Number(row!.n) === 3;
      },
      { what: 'the rule service to see the manual assignments' },
    );
    const first = await openTickets(stack, 1, { agent_group: 'Balanced' });
    const toHal = await waitFor(async () => (await assignees(stack, first)).get(first[0]!)?.[0]);
    assert.equal(toHal, hal);
    const second = await openTickets(stack, 1, { agent_group: 'Balanced' });
    const toGus = await waitFor(async () => (await assignees(stack, second)).get(second[0]!)?.[0]);
    assert.equal(toGus, gus, 'gus and hal tie at one; gus is listed first');
  });

  it('moving a ticket to another team unassigns a non-member and the new team assigns', async () => {
    await createTeam(stack, 'Escalations', ['hal@example.com']);
    const [ticket] = await openTickets(stack, 1, { agent_group: 'Support' });
    const first = await waitFor(async () => (await assignees(stack, [ticket!])).get(ticket!)?.[0]);
    assert.ok(SUPPORT.includes(first));
    const moved = await stack.call('PUT', `/api/resource/HD Ticket/${ticket}`, {
      agent_group: 'Escalations',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const now = await waitFor(
      async () => {
        const list = (await assignees(stack, [ticket!])).get(ticket!);
        return list?.[0] === 'hal@example.com' ? list : undefined;
      },
      { what: 'the Escalations rule to take the ticket over' },
    );
    assert.deepEqual(now, ['hal@example.com']);
  });
});
