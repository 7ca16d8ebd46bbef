import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import {
  PEOPLE_EVENTS_STREAM,
  type AgentEnrolledV1,
  type PeopleEventV1,
} from '@helpdesk/agent-contracts';
import {
  ensureDurableConsumer,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const method = (name: string) => `/api/method/${name}`;

function expectError(response: { status: number; body: Json }, status: number, excType: string) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.body.exc_type, excType, JSON.stringify(response.body));
}

/** A user made through the API, with a key pair from `generate_keys`, calling as themselves. */
async function signedIn(stack: ApiStack, email: string, roles: string[]): Promise<ApiCall> {
  const created = await stack.call('POST', '/api/resource/User', {
    email,
    roles: roles.map((role) => ({ role })),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return stack.keysOf(created.body.data.name as string);
}

describe('agents, teams and users through the gateway', () => {
  let stack: ApiStack;
  let nats: NatsConnection;

  before(async () => {
    stack = await startApiStack('people');
    nats = await connect({ servers: testConfig.NATS_URL });
  });

  after(async () => {
    await nats?.close();
    await stack?.stop();
  });

  it('creates a user whose generated key signs them in; only the hash is stored', async () => {
    const ann = await signedIn(stack, 'Ann.Agent@Example.com', ['Agent']);
    const me = await ann('GET', method('helpdesk.api.auth.get_user'));
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.message.user_id, 'ann.agent@example.com');
    assert.equal(me.body.message.user_first_name, 'Ann.Agent');
    assert.equal(me.body.message.is_agent, true);
    assert.equal(me.body.message.has_agent_record, false);
    const user = await stack.call('GET', '/api/resource/User/ann.agent@example.com');
    assert.deepEqual(
      user.body.data.roles.map((row: Json) => row.role),
      ['Agent'],
    );
    assert.equal(user.body.data.api_secret_hash, undefined);
    const client = new pg.Client({ connectionString: stack.db.url });
    await client.connect();
    try {
      const stored = await client.query<{ api_secret_hash: string }>(
        `SELECT api_secret_hash FROM agent.users WHERE name = 'ann.agent@example.com'`,
      );
      assert.match(stored.rows[0]!.api_secret_hash, /^scrypt/);
    } finally {
      await client.end();
    }
  });

  it('refuses key generation to non-managers and self-promotion to anyone but a System Manager', async () => {
    const bob = await signedIn(stack, 'bob@example.com', ['Agent']);
    expectError(
      await bob('POST', method('frappe.core.doctype.user.user.generate_keys'), {
        user: 'bob@example.com',
      }),
      403,
      'PermissionError',
    );
    expectError(
      await bob('PUT', '/api/resource/User/bob@example.com', {
        roles: [{ role: 'Agent' }, { role: 'System Manager' }],
      }),
      403,
      'PermissionError',
    );
    const roles = await stack.call('GET', '/api/resource/User/bob@example.com');
    assert.deepEqual(
      roles.body.data.roles.map((row: Json) => row.role),
      ['Agent'],
    );
  });

  it('sent_invites makes users and HD Agents, all or none', async () => {
    const invited = await stack.call('POST', method('helpdesk.api.agent.sent_invites'), {
      emails: JSON.stringify(['cy@example.com', 'dee@example.com']),
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    assert.equal('message' in invited.body, false);
    const agents = await stack.call(
      'GET',
      `/api/resource/HD Agent?fields=${encodeURIComponent('["name","agent_name","availability","is_active"]')}&order_by=name asc`,
    );
    assert.deepEqual(agents.body.data, [
      { name: 'cy@example.com', agent_name: 'cy', availability: 'Active', is_active: 1 },
      { name: 'dee@example.com', agent_name: 'dee', availability: 'Active', is_active: 1 },
    ]);

    const again = await stack.call('POST', method('helpdesk.api.agent.sent_invites'), {
      emails: ['eve@example.com', 'cy@example.com'],
    });
    expectError(again, 409, 'DuplicateEntryError');
    const eve = await stack.call('GET', '/api/resource/User/eve@example.com');
    assert.equal(eve.status, 404, 'the whole invitation is refused, eve included');
  });

  it('an agent sets their own availability, only to an enabled status', async () => {
    const cy = await signedIn(stack, 'cy.keys@example.com', ['Agent']);
    await stack.call('POST', method('helpdesk.api.agent.sent_invites'), {
      emails: ['cy.keys@example.com'],
    });
    const away = await cy('POST', method('helpdesk.api.agent.set_my_availability'), {
      availability: 'Away',
    });
    assert.deepEqual(away.body, { message: { availability: 'Away' } });
    const bad = await cy('POST', method('helpdesk.api.agent.set_my_availability'), {
      availability: 'Napping',
    });
    expectError(bad, 417, 'ValidationError');
    assert.match(JSON.stringify(bad.body), /Invalid availability/);
    const me = await cy('GET', method('helpdesk.api.auth.get_user'));
    assert.equal(me.body.message.availability, 'Away');
    assert.equal(me.body.message.has_agent_record, true);
  });

  it('teams: managers create and change them, members must exist, agents read members', async () => {
    const created = await stack.call('POST', '/api/resource/HD Team', {
      team_name: 'Billing',
      users: [{ user: 'cy@example.com' }, { user: 'dee@example.com' }],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(
      created.body.data.users.map((row: Json) => row.user),
      ['cy@example.com', 'dee@example.com'],
    );
    expectError(
      await stack.call('POST', '/api/resource/HD Team', { team_name: 'Billing' }),
      409,
      'DuplicateEntryError',
    );
    expectError(
      await stack.call('POST', '/api/resource/HD Team', {
        team_name: 'Ghosts',
        users: [{ user: 'nobody@example.com' }],
      }),
      417,
      'LinkValidationError',
    );
    const saved = await stack.call('PUT', '/api/resource/HD Team/Billing', {
      ...created.body.data,
      users: [{ user: 'dee@example.com' }],
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const cy = await signedIn(stack, 'cy.team@example.com', ['Agent']);
    const members = await cy(
      'GET',
      `${method('helpdesk.helpdesk.doctype.hd_team.hd_team.get_team_members')}?team=Billing`,
    );
    assert.deepEqual(members.body, { message: ['dee@example.com'] });
    expectError(
      await cy('POST', '/api/resource/HD Team', { team_name: 'Mine' }),
      403,
      'PermissionError',
    );
  });

  it('customers read teams but not agents or other users', async () => {
    const customer = await signedIn(stack, 'cat@customer.com', ['HD Customer']);
    assert.equal((await customer('GET', '/api/resource/HD Team')).status, 200);
    expectError(await customer('GET', '/api/resource/HD Agent'), 403, 'PermissionError');
    expectError(await customer('GET', '/api/resource/User/cy@example.com'), 403, 'PermissionError');
    const own = await customer('GET', '/api/resource/User');
    assert.deepEqual(
      own.body.data.map((row: Json) => row.name),
      ['cat@customer.com'],
    );
    const me = await customer('GET', method('helpdesk.api.auth.get_user'));
    assert.equal(me.body.message.is_agent, false);
    assert.equal(me.body.message.has_desk_access, false);
  });

  it('update_agent_role promotes and demotes, managers only', async () => {
    const promoted = await stack.call(
      'POST',
      method('helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role'),
      { user: 'dee@example.com', new_role: 'Manager' },
    );
    assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
    const users = await stack.call('GET', method('helpdesk.api.session.get_users'));
    const dee = (users.body.message as Json[]).find((row) => row.name === 'dee@example.com');
    assert.equal(dee?.role, 'Manager');
    const admin = (users.body.message as Json[]).find((row) => row.name === 'Administrator');
    assert.equal(admin?.session_user, true);
    expectError(
      await stack.call(
        'POST',
        method('helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role'),
        { user: 'dee@example.com', new_role: 'Owner' },
      ),
      417,
      'ValidationError',
    );
  });

  it('publishes people events for other services, never an API secret', async () => {
    const stream = namespacedStream(stack.namespace, PEOPLE_EVENTS_STREAM);
    const jsm = await jetstreamManager(nats);
    await ensureDurableConsumer(jsm, {
      stream,
      durable: 'people-reader',
      filterSubject: namespacedSubject(stack.namespace, 'helpdesk.people.v1.>'),
    });
    const consumer = await jetstream(nats).consumers.get(stream, 'people-reader');
    const seen: PeopleEventV1[] = [];
    const raw: string[] = [];
    await waitFor(
      async () => {
        const batch = await consumer.fetch({ max_messages: 200, expires: 1_000 });
        for await (const message of batch) {
          raw.push(message.string());
          seen.push(message.json<PeopleEventV1>());
          message.ack();
        }
        return seen.some(
          (event) =>
            event.type === 'helpdesk.people.v1.team-members-changed' && event.name === 'Billing',
        );
      },
      { what: 'the Billing team change on JetStream' },
    );
    const enrolled = seen.find(
      (event): event is AgentEnrolledV1 =>
        event.type === 'helpdesk.people.v1.agent-enrolled' && event.name === 'cy@example.com',
    );
    assert.equal(enrolled?.actor, 'Administrator');
    assert.equal(enrolled?.data.availability, 'Active');
    assert.equal(
      raw.some((text) => /secret/i.test(text)),
      false,
    );
    const issued = seen.filter((event) => event.type === 'helpdesk.people.v1.user-api-keys-issued');
    assert.ok(issued.length > 0);
    assert.ok(issued.every((event) => Object.keys(event.data).length === 0));
    // Every event is public, so each document's versions follow each other without gaps.
    const versions = new Map<string, number[]>();
    for (const event of seen) {
      const key = `${event.doctype}/${event.name}`;
      versions.set(key, [...(versions.get(key) ?? []), event.version]);
    }
    for (const [key, list] of versions) {
      assert.deepEqual(
        [...list].sort((a, b) => a - b),
        list.map((_, i) => i + 1),
        key,
      );
    }
  });
});
