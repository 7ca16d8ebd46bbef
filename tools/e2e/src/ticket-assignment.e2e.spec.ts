import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { PEOPLE_EVENTS_STREAM, type PeopleEventV1 } from '@helpdesk/agent-contracts';
import { namespacedStream, namespacedSubject } from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack } from './support/api-stack.js';

const ASSIGN = '/api/method/helpdesk.api.ticket.assign_ticket_to_agent';
const INTAKE = 'ticket-service-people';

describe('assigning tickets to HD Agents that agent-service published', () => {
  let stack: ApiStack;
  let nats: NatsConnection;
  let db: pg.Client;
  let ann: ApiCall;

  async function newTicket(): Promise<number> {
    const created = await stack.call('POST', '/api/resource/HD Ticket', {
      subject: 'Printer on fire',
      raised_by: 'cat@customer.com',
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    return created.body.data.name as number;
  }

  /** Waits until ticket-service's copy of people shows what agent-service has committed. */
  async function copied(query: string): Promise<void> {
    await waitFor(async () => ((await db.query(query)).rowCount ? true : undefined), {
      what: `ticket-service's people copy: ${query}`,
    });
  }

  /** Waits until the people intake has taken every message already in the stream. */
  async function intakeCaughtUp(): Promise<void> {
    const jsm = await jetstreamManager(nats);
    const stream = namespacedStream(stack.namespace, PEOPLE_EVENTS_STREAM);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(stream, INTAKE);
        return info.num_pending === 0 && info.num_ack_pending === 0 ? true : undefined;
      },
      { what: 'the people intake to drain' },
    );
  }

  before(async () => {
    stack = await startApiStack('assignment');
    nats = await connect({ servers: testConfig.NATS_URL });
    db = new pg.Client({ connectionString: stack.db.url });
    await db.connect();
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: ['ann@example.com'],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    const plain = await stack.call('POST', '/api/resource/User', {
      email: 'bob@example.com',
      roles: [{ role: 'Agent' }],
    });
    assert.equal(plain.status, 200, JSON.stringify(plain.body));
    ann = await stack.keysOf('ann@example.com');
    await copied(`SELECT 1 FROM ticket.people_agent WHERE name = 'ann@example.com'`);
  });

  after(async () => {
    await db?.end();
    await nats?.close();
    await stack?.stop();
  });

  it('assigns to the named HD Agent and answers the ticket with its _assign', async () => {
    const ticket = await newTicket();
    const assigned = await stack.call('POST', ASSIGN, {
      ticket_id: String(ticket),
      agent_id: 'ann@example.com',
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.equal(assigned.body.message.name, ticket);
    assert.deepEqual(JSON.parse(assigned.body.message._assign as string), ['ann@example.com']);
  });

  it('defaults to the caller', async () => {
    const ticket = await newTicket();
    const assigned = await ann('POST', ASSIGN, { ticket_id: ticket });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.deepEqual(JSON.parse(assigned.body.message._assign as string), ['ann@example.com']);
  });

  it('refuses a user who is not an HD Agent with Frappe’s exact message, changing nothing', async () => {
    const ticket = await newTicket();
    const refused = await stack.call('POST', ASSIGN, {
      ticket_id: ticket,
      agent_id: 'bob@example.com',
    });
    assert.equal(refused.status, 417, JSON.stringify(refused.body));
    assert.equal(refused.body.exc_type, 'ValidationError');
    const messages = JSON.parse(refused.body._server_messages as string) as string[];
    assert.equal(JSON.parse(messages[0]!).message, 'Tickets can only be assigned to agents');
    const after = await stack.call('GET', `/api/resource/HD Ticket/${ticket}`);
    assert.equal(after.body.data._assign, null);
  });

  it('refuses customers, unknown tickets and malformed arguments', async () => {
    const ticket = await newTicket();
    const customer = await stack.as('cat@customer.com');
    assert.equal((await customer('POST', ASSIGN, { ticket_id: ticket })).status, 403);
    assert.equal(
      (await stack.call('POST', ASSIGN, { ticket_id: 999999, agent_id: 'ann@example.com' })).status,
      404,
    );
    assert.equal((await stack.call('POST', ASSIGN, { agent_id: 'ann@example.com' })).status, 417);
  });

  it('applies each people event once and in order, even when one is delivered again', async () => {
    const away = await ann('POST', '/api/method/helpdesk.api.agent.set_my_availability', {
      availability: 'Away',
    });
    assert.equal(away.status, 200, JSON.stringify(away.body));
    await copied(
      `SELECT 1 FROM ticket.people_agent WHERE name = 'ann@example.com' AND availability = 'Away'`,
    );
    const stream = namespacedStream(stack.namespace, PEOPLE_EVENTS_STREAM);
    const jsm = await jetstreamManager(nats);
    const enrolled = await (async () => {
      for (let seq = 1; ; seq++) {
        const message = await jsm.streams.getMessage(stream, { seq });
        const event = message?.json<PeopleEventV1>();
        if (event?.type === 'helpdesk.people.v1.agent-enrolled' && event.name === 'ann@example.com')
          return event;
      }
    })();
    const js = jetstream(nats);
    // The same event again (a redelivery), and under a new id (a re-publication): neither applies.
    await js.publish(namespacedSubject(stack.namespace, enrolled.type), JSON.stringify(enrolled));
    await js.publish(
      namespacedSubject(stack.namespace, enrolled.type),
      JSON.stringify({ ...enrolled, id: '00000000-0000-4000-8000-000000000001' }),
    );
    await intakeCaughtUp();
    const { rows } = await db.query(
      `SELECT availability FROM ticket.people_agent WHERE name = 'ann@example.com'`,
    );
    assert.deepEqual(rows, [{ availability: 'Away' }]);
  });
});
