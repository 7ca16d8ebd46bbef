import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect as connectNats } from '@nats-io/transport-node';
import { namespacedStream } from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { TICKET_EVENTS_STREAM } from '@helpdesk/ticket-contracts';
import {
  connectClient,
  refusedHandshake,
  type RealtimeClient,
} from './support/realtime-clients.js';
import { startApiStack, type ApiCall, type ApiStack } from './support/api-stack.js';
import { docMethod, sql, TICKETS } from './support/ticket-api-calls.js';

const ANN = 'ann@example.com'; // team Billing
const BOB = 'bob@example.com'; // team Product
const CY = 'cy@example.com'; // team Leads, which ignores restrictions
const CAT = 'cat@customer.com';
const DAN = 'dan@customer.com';

const mention = (user: string) =>
  `<span data-type="mention" data-id="${user}" data-label="${user}">@${user}</span>`;

describe('realtime: committed ticket events reach exactly the sockets allowed to see them', () => {
  let stack: ApiStack;
  let replicaA: string;
  let replicaB: string;
  const clients: RealtimeClient[] = [];
  const tickets: Record<'billing' | 'product' | 'billing2', number> = {
    billing: 0,
    product: 0,
    billing2: 0,
  };

  const connect = async (url: string, user: string, options: { recovery?: boolean } = {}) => {
    const client = await connectClient(url, user, stack.tokenOf(user), options);
    clients.push(client);
    return client;
  };

  const view = async (client: RealtimeClient, ticket: number) => {
    const joined = await client.ask('view_ticket', ticket);
    assert.deepEqual(joined, { ok: true }, `${client.user} views ${ticket}`);
  };

  const change = async (ticket: number, fields: Record<string, unknown>) => {
    const saved = await stack.call('PUT', `${TICKETS}/${ticket}`, fields);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  };

  const comment = async (as: ApiCall, ticket: number, content: string) => {
    const added = await docMethod(as, ticket, 'new_comment', { content });
    assert.equal(added.status, 200, JSON.stringify(added.body));
  };

  const isTicket = (ticket: number) => (payload: Record<string, unknown>) =>
    payload['ticket_id'] === ticket;

  before(async () => {
    stack = await startApiStack('realtime', {}, { realtimeReplicas: 2 });
    replicaA = stack.apps.get('realtime')!.url;
    replicaB = stack.apps.get('realtime-2')!.url;
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: [ANN, BOB, CY],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    for (const [team, user, ignore] of [
      ['Billing', ANN, 0],
      ['Product', BOB, 0],
      ['Leads', CY, 1],
    ] as const) {
      const created = await stack.call('POST', '/api/resource/HD Team', {
        team_name: team,
        users: [{ user }],
        ignore_restrictions: ignore,
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
    }
    const restricted = await stack.call('PUT', '/api/resource/HD Settings/HD Settings', {
      restrict_tickets_by_agent_group: 1,
    });
    assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
    for (const user of [ANN, BOB, CY]) await stack.keysOf(user);
    await stack.as(CAT);
    await stack.as(DAN);
    for (const [key, raisedBy, team] of [
      ['billing', CAT, 'Billing'],
      ['product', DAN, 'Product'],
      ['billing2', DAN, 'Billing'],
    ] as const) {
      const created = await stack.call('POST', TICKETS, {
        subject: `A ${key} question`,
        raised_by: raisedBy,
        agent_group: team,
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      tickets[key] = created.body.data.name as number;
    }
    // ticket-service learns agents and teams from agent-service's events.
    let seen: unknown;
    await waitFor(
      async () => {
        const [row] = await sql(
          stack,
          `SELECT (SELECT count(*) FROM ticket.people_team_member)::int AS members,
                  (SELECT json_agg(json_build_object('name', name, 'roles', roles))
                     FROM ticket.people_user) AS users`,
        );
        seen = row;
        return row?.members === 3 ? true : undefined;
      },
      { what: 'ticket-service to take in the agents and teams' },
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(seen)}`);
    });
  });

  after(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('refuses handshakes without valid credentials, in Frappe terms', async () => {
    const none = await refusedHandshake(replicaA, {});
    assert.equal(none.data['exc_type'], 'AuthenticationError');
    const wrong = await refusedHandshake(replicaA, { token: 'no-such-key:no-such-secret' });
    assert.equal(wrong.data['exc_type'], 'AuthenticationError');
    const malformed = await refusedHandshake(replicaB, { token: 'token only-a-key' });
    assert.equal(malformed.data['exc_type'], 'AuthenticationError');
  });

  it('lets only readers of a ticket join its room', async () => {
    const asks = {
      [ANN]: true, // Billing's agent
      [BOB]: false, // another team, restriction on
      [CY]: true, // a team that ignores restrictions
      [CAT]: true, // raised it
      [DAN]: false, // another customer
    };
    for (const [user, allowed] of Object.entries(asks)) {
      const client = await connect(replicaA, user);
      const joined = await client.ask('view_ticket', tickets.billing);
      assert.equal(joined['ok'], allowed, `${user}: ${JSON.stringify(joined)}`);
      if (!allowed) assert.equal(joined['exc_type'], 'PermissionError');
      client.close();
    }
  });

  it('an agent viewing a ticket receives its status change; customers and agents of other tickets do not', async () => {
    const ann = await connect(replicaA, ANN);
    const cat = await connect(replicaB, CAT);
    const dan = await connect(replicaB, DAN);
    const bob = await connect(replicaA, BOB);
    await view(ann, tickets.billing);
    await view(cat, tickets.billing);
    await view(dan, tickets.product);
    await view(bob, tickets.product);

    await change(tickets.billing, { status: 'Replied' });
    const [seen] = await ann.waitFor('helpdesk:ticket-status-changed', isTicket(tickets.billing));
    assert.equal(seen?.payload['status'], 'Replied');
    assert.equal(seen?.payload['previous_status'], 'Open');
    await ann.waitFor('helpdesk:ticket-update', isTicket(tickets.billing));
    await cat.waitFor('helpdesk:ticket-status-changed', isTicket(tickets.billing));

    // One replica's Redis stream orders every broadcast: once dan and bob hear of a later change
    // to their own ticket, anything about the first would have reached them already.
    await change(tickets.product, { priority: 'High' });
    await dan.waitFor('helpdesk:ticket-update', isTicket(tickets.product));
    await bob.waitFor('helpdesk:ticket-update', isTicket(tickets.product));
    assert.deepEqual(dan.about(tickets.billing), []);
    assert.deepEqual(bob.about(tickets.billing), []);
  });

  it('a mentioned agent receives the mention; an agent the team keeps out and customers do not', async () => {
    const ann = await connect(replicaB, ANN);
    const bob = await connect(replicaA, BOB);
    const cat = await connect(replicaA, CAT);
    await view(cat, tickets.billing);
    await view(ann, tickets.billing);

    await comment(
      stack.call,
      tickets.billing,
      `<p>${mention(ANN)} and ${mention(BOB)}, see this</p>`,
    );
    const [mentioned] = await ann.waitFor('helpdesk:mention', isTicket(tickets.billing));
    assert.equal(mentioned?.payload['mentioned_by'], 'Administrator');
    await ann.waitFor('helpdesk:ticket-comment', isTicket(tickets.billing));
    await ann.waitFor('helpdesk:new-comment', isTicket(tickets.billing));

    // Sentinels after the note: a mention bob may read, a ticket change cat may see.
    await comment(stack.call, tickets.product, `<p>${mention(BOB)}</p>`);
    await bob.waitFor('helpdesk:mention', isTicket(tickets.product));
    await change(tickets.billing, { priority: 'Low' });
    await cat.waitFor('helpdesk:ticket-update', isTicket(tickets.billing));
    assert.deepEqual(bob.about(tickets.billing), [], 'bob is not in Billing');
    assert.deepEqual(
      cat.received.filter((r) => /comment|mention/.test(r.event)),
      [],
      'internal notes stay with agents',
    );
  });

  it('with two replicas, every event reaches each entitled socket exactly once', async () => {
    const watchers = await Promise.all(
      [replicaA, replicaB, replicaA, replicaB, replicaA, replicaB].map((url) => connect(url, ANN)),
    );
    for (const watcher of watchers) await view(watcher, tickets.billing2);
    const priorities = ['High', 'Low', 'Medium', 'Urgent', 'High', 'Low', 'Medium', 'Urgent'];
    for (const priority of priorities) await change(tickets.billing2, { priority });
    for (const watcher of watchers) {
      await watcher.waitFor(
        'helpdesk:ticket-update',
        isTicket(tickets.billing2),
        priorities.length,
      );
    }
    // A last change: once every socket has it, no copy of an earlier one is still on its way.
    await change(tickets.billing2, { subject: 'The last word' });
    for (const watcher of watchers) {
      const updates = await watcher.waitFor(
        'helpdesk:ticket-update',
        isTicket(tickets.billing2),
        priorities.length + 1,
      );
      assert.equal(updates.length, priorities.length + 1, 'no event twice');
    }
    // Every one of those events published again (a new Nats-Msg-Id, so JetStream keeps the copy):
    // the replicas recognise them and send nothing twice.
    const nats = await connectNats({ servers: testConfig.NATS_URL });
    try {
      const jsm = await jetstreamManager(nats);
      const stream = namespacedStream(stack.namespace, TICKET_EVENTS_STREAM);
      const { state } = await jsm.streams.info(stream);
      for (let seq = state.first_seq; seq <= state.last_seq; seq += 1) {
        const message = await jsm.streams.getMessage(stream, { seq });
        if (message)
          await jsm.jetstream().publish(message.subject, message.data, { msgID: `again-${seq}` });
      }
      await waitFor(
        async () => {
          const consumer = await jsm.consumers.info(stream, 'realtime-tickets');
          return consumer.num_pending === 0 && consumer.num_ack_pending === 0 ? true : undefined;
        },
        { what: 'the replicas to take the copies' },
      );
    } finally {
      await nats.close();
    }
    await change(tickets.billing2, { subject: 'After the copies' });
    for (const watcher of watchers) {
      await watcher.waitFor(
        'helpdesk:ticket-update',
        isTicket(tickets.billing2),
        priorities.length + 2,
      );
      const updates = watcher.received.filter(
        (r) => r.event === 'helpdesk:ticket-update' && r.payload['ticket_id'] === tickets.billing2,
      );
      assert.equal(updates.length, priorities.length + 2, 'copies of events send nothing');
    }
    const fannedOut = await Promise.all(
      [replicaA, replicaB].map(async (url) => {
        const metrics = await (await fetch(`${url}/metrics`)).text();
        const line = metrics
          .split('\n')
          .find((l) => l.startsWith('realtime_ticket_events_fanned_out_total'));
        return Number(line?.split(' ').at(-1) ?? 0);
      }),
    );
    assert.ok(
      fannedOut.every((count) => count > 0),
      `both replicas fan out events (${fannedOut.join(', ')}), so sockets on each hear the other's`,
    );
  });

  it('a client that drops and comes back receives what it missed', async () => {
    const ann = await connect(replicaA, ANN, { recovery: true });
    const witness = await connect(replicaB, ANN);
    await view(ann, tickets.billing);
    await view(witness, tickets.billing);
    ann.socket.io.reconnection(false);
    const dropped = new Promise<string>((resolve) => ann.socket.once('disconnect', resolve));
    ann.socket.io.engine.close();
    // The connection is cut under the client (not `disconnect()`, which would end the session).
    assert.equal(await dropped, 'forced close');

    const before = witness.received.length;
    await change(tickets.billing, { subject: 'Changed while ann was away' });
    await waitFor(
      () => witness.received.slice(before).some((r) => r.event === 'helpdesk:ticket-update'),
      { what: 'the change to go out' },
    );
    const missedBefore = ann.about(tickets.billing).length;
    ann.socket.io.reconnection(true);
    const reconnected = new Promise<void>((resolve) => ann.socket.once('connect', () => resolve()));
    ann.socket.connect();
    await reconnected;
    assert.equal(ann.socket.recovered, true, 'the session was recovered');
    await waitFor(
      () =>
        ann
          .about(tickets.billing)
          .slice(missedBefore)
          .some((r) => r.event === 'helpdesk:ticket-update'),
      { what: 'the missed update to be handed over' },
    );
    // Still in the ticket's room after recovery.
    await change(tickets.billing, { priority: 'Urgent' });
    await ann.waitFor('helpdesk:ticket-update', isTicket(tickets.billing), 2);
  });

  it('a watcher who loses the right to read a ticket is dropped from its room', async () => {
    const ann = await connect(replicaA, ANN);
    const bob = await connect(replicaB, BOB);
    await view(ann, tickets.billing2);
    await view(ann, tickets.billing);
    await change(tickets.billing2, { agent_group: 'Product' });
    await bob
      .ask('view_ticket', tickets.billing2)
      .then((joined) => assert.equal(joined['ok'], true));
    await change(tickets.billing2, { priority: 'Low' });
    await bob.waitFor('helpdesk:ticket-update', isTicket(tickets.billing2));
    // Sentinel on a ticket ann still reads, changed after the one she lost.
    await change(tickets.billing, { priority: 'Medium' });
    await ann.waitFor('helpdesk:ticket-update', isTicket(tickets.billing));
    assert.deepEqual(
      ann.about(tickets.billing2).filter((r) => r.event !== 'ticket_viewers'),
      [],
      'nothing about a ticket moved to a team she is not in',
    );
  });
  it('an agent outside the team is dropped from a ticket room when HD Settings turn the restriction on', async () => {
    const settings = (on: 0 | 1) =>
      stack.call('PUT', '/api/resource/HD Settings/HD Settings', {
        restrict_tickets_by_agent_group: on,
      });
    assert.equal((await settings(0)).status, 200);
    const bob = await connect(replicaA, BOB);
    const ann = await connect(replicaB, ANN);
    await view(bob, tickets.billing);
    await view(bob, tickets.product);
    await view(ann, tickets.billing);
    assert.equal((await settings(1)).status, 200);
    await ann.waitFor('helpdesk:settings-updated');
    // The room check follows the settings event; wait until bob is out of the room.
    await waitFor(
      async () => {
        const before = ann.received.length;
        assert.equal((await ann.ask('ticket_get_viewers', tickets.billing))['ok'], true);
        const listed = await waitFor(() =>
          ann.received.slice(before).find((r) => r.event === 'ticket_viewers'),
        );
        return !String(listed.payload['users']).includes(BOB);
      },
      { what: 'bob to leave the Billing ticket room' },
    );
    const before = bob.about(tickets.billing).length;
    await change(tickets.billing, { priority: 'High' });
    await ann.waitFor('helpdesk:ticket-update', isTicket(tickets.billing));
    // Sentinel: a later change to a ticket bob still reads.
    const productBefore = bob.about(tickets.product).length;
    await change(tickets.product, { priority: 'Urgent' });
    await waitFor(() => bob.about(tickets.product).length > productBefore, {
      what: 'bob to hear of his own ticket',
    });
    assert.deepEqual(
      bob
        .about(tickets.billing)
        .slice(before)
        .filter((r) => r.event !== 'ticket_viewers'),
      [],
    );
  });

  it('those watching a ticket hear that it was deleted', async () => {
    const created = await stack.call('POST', TICKETS, {
      subject: 'Soon gone',
      raised_by: CAT,
      agent_group: 'Billing',
    });
    const ticket = created.body.data.name as number;
    const ann = await connect(replicaA, ANN);
    const cat = await connect(replicaB, CAT);
    await view(ann, ticket);
    await view(cat, ticket);
    const deleted = await stack.call('DELETE', `${TICKETS}/${ticket}`);
    assert.ok([200, 202].includes(deleted.status), JSON.stringify(deleted.body));
    await ann.waitFor('helpdesk:ticket-update', isTicket(ticket));
    await cat.waitFor('helpdesk:ticket-update', isTicket(ticket));
    // And they are no longer in its room: nobody may join it any more.
    assert.equal((await ann.ask('view_ticket', ticket))['ok'], false);
  });
});
