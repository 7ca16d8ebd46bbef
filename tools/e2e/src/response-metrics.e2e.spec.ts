import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { namespacedStream } from '@helpdesk/shared-messaging';
import { freePort, startApp, testConfig, waitFor } from '@helpdesk/shared-testing';
import { TICKET_EVENTS_STREAM } from '@helpdesk/ticket-contracts';
import { Queue } from 'bullmq';
import pg from 'pg';
import { startApiStack, type ApiStack } from './support/api-stack.js';

const TICKETS = '/api/resource/HD Ticket';
const TICKET_COUNT = 150;
const METRICS_DURABLE = 'metrics-worker-tickets';

interface Figures {
  name: number;
  avg: number | null;
  expected: number;
  applied: number;
}

/**
 * metrics-worker computing `avg_response_time` from the ticket events, end to end: a worker
 * killed in the middle of a backlog and one replaying every event leave each ticket's figure
 * computed, sent and recorded exactly once. No SLA service runs, so the waits are plain seconds
 * between the recorded messages.
 */
describe('conversation metrics from metrics-worker', () => {
  let stack: ApiStack;
  let db: pg.Pool;
  let nats: NatsConnection;
  let jsm: JetStreamManager;
  const names: number[] = [];

  /** Each ticket's figure, the one its recorded messages give, and how often it was applied. */
  async function figures(): Promise<Figures[]> {
    const { rows } = await db.query<Omit<Figures, 'expected'> & { waited_ms: number }>(
      `SELECT t.name::int AS name, t.avg_response_time AS avg,
              (extract(epoch FROM (a.data->>'at')::timestamptz - (c.data->>'at')::timestamptz) * 1000)::int AS waited_ms,
              (SELECT count(*)::int FROM ticket.events m
                WHERE m.stream_id = 'ticket-' || t.name
                  AND m.event_type = 'TicketResponseMetricsApplied') AS applied
         FROM ticket.hd_ticket t
         JOIN ticket.events c ON c.stream_id = 'ticket-' || t.name AND c.event_type = 'CustomerReplied'
         JOIN ticket.events a ON a.stream_id = 'ticket-' || t.name AND a.event_type = 'AgentReplied'
        WHERE t.name = ANY($1::bigint[]) ORDER BY t.name`,
      [names],
    );
    // One customer message, one reply: the mean is that wait, in seconds to the hundredth.
    return rows.map(({ waited_ms, ...row }) => ({
      ...row,
      expected: Math.round((waited_ms / 1000) * 100) / 100,
    }));
  }

  const done = async () => (await figures()).filter((row) => row.avg !== null).length;

  before(async () => {
    stack = await startApiStack('response-metrics', {}, { metrics: true });
    db = new pg.Pool({ connectionString: stack.db.url, max: 2 });
    nats = await connect({ servers: testConfig.NATS_URL });
    jsm = await jetstreamManager(nats);
  });

  after(async () => {
    await nats?.close();
    await db?.end();
    await stack?.stop();
  });

  it('a worker killed in the middle of a backlog: every figure still computed and applied once', async () => {
    // The backlog builds while no worker runs.
    await stack.apps.get('metrics-worker')!.kill();
    for (let i = 0; i < TICKET_COUNT; i += 1) {
      const created = await stack.call('POST', TICKETS, {
        subject: `Backlog ${i}`,
        description: `<p>Customer message ${i}</p>`,
        raised_by: `customer-${i}@example.com`,
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const name = created.body.data.name as number;
      names.push(name);
      const reply = await stack.call('POST', '/api/method/run_doc_method', {
        dt: 'HD Ticket',
        dn: name,
        method: 'reply_via_agent',
        args: { message: `<p>Answer ${i}</p>` },
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
    }
    assert.equal(await done(), 0, 'no worker ran yet');

    const port = await freePort();
    const first = await startApp('metrics-worker', stack.env, port);
    const atKill = await waitFor(async () => ((await done()) > 0 ? await done() : 0), {
      what: 'the first figures',
      intervalMs: 5,
      timeoutMs: 30_000,
    });
    await first.kill();
    const second = await startApp('metrics-worker', stack.env, await freePort());
    try {
      await waitFor(async () => (await done()) === TICKET_COUNT, {
        what: `all ${TICKET_COUNT} figures after the restart`,
        timeoutMs: 60_000,
        intervalMs: 100,
      });
      stack.apps.set('metrics-worker', second);
    } catch (error) {
      await second.stop();
      throw error;
    }
    const rows = await figures();
    assert.ok(atKill < TICKET_COUNT, `killed after ${atKill} of ${TICKET_COUNT} figures`);
    for (const row of rows) {
      assert.equal(row.avg, row.expected, `ticket ${row.name}: the wait between its messages`);
      assert.equal(row.applied, 1, `ticket ${row.name}: applied once`);
    }
  });

  it('every ticket event delivered again: the figures stay as they are, nothing is applied twice', async () => {
    const before = await figures();
    const revisions = await db.query(
      `SELECT ticket, revision, sent_revision FROM metrics.ticket_conversation ORDER BY ticket`,
    );
    // Completed jobs are forgotten first, so the replayed events are worked on again, not merely
    // recognised by their job ids.
    const queue = new Queue('metrics-conversations', {
      connection: { url: 'redis://127.0.0.1:6379' },
      prefix: `helpdesk:${stack.namespace}`,
    });
    try {
      await queue.clean(0, 1_000_000, 'completed');
      const stream = namespacedStream(stack.namespace, TICKET_EVENTS_STREAM);
      const { state } = await jsm.streams.info(stream);
      const js = jsm.jetstream();
      for (let seq = state.first_seq; seq <= state.last_seq; seq += 1) {
        const message = await jsm.streams.getMessage(stream, { seq });
        if (!message) continue;
        // A new Nats-Msg-Id, so JetStream keeps the copy: the consumer sees the same event again.
        await js.publish(message.subject, message.data, { msgID: `again-${seq}` });
      }
      const total = state.messages * 2;
      await waitFor(
        async () => {
          const consumer = await jsm.consumers.info(stream, METRICS_DURABLE);
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed');
          return (
            consumer.delivered.stream_seq >= state.last_seq + state.messages &&
            consumer.num_pending === 0 &&
            consumer.num_ack_pending === 0 &&
            (counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0 &&
            (counts.completed ?? 0) > 0
          );
        },
        { what: `the replay of ${total} messages to be worked off`, timeoutMs: 60_000 },
      );
    } finally {
      await queue.close();
    }
    assert.deepEqual(await figures(), before, 'figures and applied counts unchanged');
    const after = await db.query(
      `SELECT ticket, revision, sent_revision FROM metrics.ticket_conversation ORDER BY ticket`,
    );
    assert.deepEqual(after.rows, revisions.rows, 'no revision moved');
  });
});
