import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  ensureDurableConsumer,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import {
  createTestDatabase,
  deleteNamespaceStreams,
  freePort,
  startApp,
  testConfig,
  uniqueNamespace,
  waitFor,
  type AppProcess,
  type TestDatabase,
} from '@helpdesk/shared-testing';
import { TICKET_EVENTS_STREAM, type TicketEventV1 } from '@helpdesk/ticket-contracts';

const NATS_URL = testConfig.NATS_URL;
const KEY = 'e2e-admin-key';
const SECRET = 'e2e-admin-secret-0123456789';
const TOKEN = `token ${KEY}:${SECRET}`;
const FRAPPE_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

interface ErrorEnvelope {
  exc_type: string;
  exception: string;
  _server_messages: string;
}

describe('HD Ticket through the gateway, end to end', () => {
  let db: TestDatabase;
  let namespace: string;
  let nats: NatsConnection;
  let jsm: JetStreamManager;
  let api: string;
  let ticketService: AppProcess;
  const apps: AppProcess[] = [];

  before(async () => {
    db = await createTestDatabase();
    namespace = uniqueNamespace();
    const env = {
      DATABASE_URL: db.url,
      NATS_URL,
      HELPDESK_NAMESPACE: namespace,
      HELPDESK_ADMIN_API_KEY: KEY,
      HELPDESK_ADMIN_API_SECRET: SECRET,
      HELPDESK_BODY_LIMIT_BYTES: '65536',
      NATS_REQUEST_TIMEOUT_MS: '1500',
      HELPDESK_TIME_ZONE: 'Asia/Kolkata',
    };
    apps.push(await startApp('agent-service', env, await freePort()));
    ticketService = await startApp('ticket-service', env, await freePort());
    apps.push(ticketService);
    const gateway = await startApp('gateway', env, await freePort());
    apps.push(gateway);
    api = gateway.url;
    nats = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(nats);
  });

  after(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await deleteNamespaceStreams(NATS_URL, namespace);
    await nats?.close();
    await db?.drop();
  });

  const post = (body: unknown, headers: Record<string, string> = { Authorization: TOKEN }) =>
    fetch(`${api}/api/resource/HD%20Ticket`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (name: string | number, headers: Record<string, string> = { Authorization: TOKEN }) =>
    fetch(`${api}/api/resource/HD%20Ticket/${name}`, { headers });

  async function expectError(response: Response, status: number, excType: string): Promise<string> {
    assert.equal(response.status, status);
    const body = (await response.json()) as ErrorEnvelope;
    assert.equal(body.exc_type, excType);
    assert.match(body.exception, new RegExp(`^frappe\\.exceptions\\.${excType}: `));
    const messages = (JSON.parse(body._server_messages) as string[]).map((m) => JSON.parse(m));
    assert.equal(messages.length, 1);
    assert.equal(messages[0].indicator, 'red');
    return messages[0].message as string;
  }

  it('creates a ticket and answers with the Frappe document', async () => {
    const response = await post({
      subject: 'Printer on fire',
      description: '<p>Smoke everywhere</p>',
      raised_by: 'jane@example.com',
      priority: 'High',
      ticket_type: 'Incident',
      status: undefined,
    });
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    assert.equal(typeof data.name, 'number');
    assert.ok(Number.isInteger(data.name) && (data.name as number) > 0);
    assert.equal(data.doctype, 'HD Ticket');
    assert.equal(data.subject, 'Printer on fire');
    assert.equal(data.raised_by, 'jane@example.com');
    assert.equal(data.priority, 'High');
    assert.equal(data.ticket_type, 'Incident');
    assert.equal(data.status, 'Open');
    assert.equal(data.status_category, 'Open');
    assert.equal(data.owner, 'Administrator');
    assert.match(String(data.creation), FRAPPE_DATETIME);
    assert.equal(data.modified, data.creation);
  });

  it('accepts the document as JSON in a form field `data`, as Frappe does', async () => {
    const response = await fetch(`${api}/api/resource/HD%20Ticket`, {
      method: 'POST',
      headers: { Authorization: TOKEN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ data: JSON.stringify({ subject: 'From a form' }) }),
    });
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: { subject: string } };
    assert.equal(data.subject, 'From a form');
  });

  it('numbers tickets with consecutive integers and reads each back', async () => {
    const names: number[] = [];
    for (const subject of ['First', 'Second', 'Third']) {
      const { data } = (await (await post({ subject })).json()) as { data: { name: number } };
      names.push(data.name);
    }
    assert.deepEqual(names, [names[0]!, names[0]! + 1, names[0]! + 2]);
    const response = await get(names[1]!);
    assert.equal(response.status, 200);
    const { data } = (await response.json()) as { data: Record<string, unknown> };
    assert.equal(data.name, names[1]);
    assert.equal(data.subject, 'Second');
    assert.equal(data.raised_by, 'Administrator', 'raised_by defaults to the caller');
    assert.equal(data.ticket_type, 'Unspecified');
  });

  it('renders datetimes in the site time zone', async () => {
    const before = Date.now();
    const { data } = (await (await post({ subject: 'Time zone' })).json()) as {
      data: { creation: string };
    };
    // Asia/Kolkata is UTC+05:30 with no daylight saving.
    const kolkata = new Date(before + 5.5 * 3_600_000).toISOString().slice(0, 13).replace('T', ' ');
    assert.equal(data.creation.slice(0, 13), kolkata);
  });

  it('answers a missing ticket with 404 DoesNotExistError', async () => {
    const message = await expectError(await get(987654), 404, 'DoesNotExistError');
    assert.equal(message, 'HD Ticket 987654 not found');
    await expectError(await get('not-a-number'), 404, 'DoesNotExistError');
  });

  it('refuses a ticket without a subject with 417 MandatoryError, and stores nothing', async () => {
    const before = await ticketCount();
    const message = await expectError(
      await post({ description: 'no subject' }),
      417,
      'MandatoryError',
    );
    assert.match(message, /subject/);
    await expectError(await post({ subject: '   ' }), 417, 'MandatoryError');
    assert.equal(await ticketCount(), before);
  });

  it('refuses wrong types, unknown fields and bad emails with 417 ValidationError', async () => {
    await expectError(await post({ subject: 42 }), 417, 'ValidationError');
    assert.match(
      await expectError(await post({ subject: 'x', bogus: 1 }), 417, 'ValidationError'),
      /bogus/,
    );
    await expectError(
      await post({ subject: 'x', raised_by: 'not an email' }),
      417,
      'ValidationError',
    );
    await expectError(await post({ subject: 'x', doctype: 'User' }), 417, 'ValidationError');
  });

  it('refuses malformed JSON with 400 and an oversized body with 413, in the envelope', async () => {
    await expectError(await post('{"subject": '), 400, 'BadRequest');
    await expectError(
      await post({ subject: 'big', description: 'x'.repeat(70_000) }),
      413,
      'RequestEntityTooLarge',
    );
  });

  it('authenticates with token and Basic, refuses bad credentials', async () => {
    const basic = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;
    assert.equal((await get(1, { Authorization: basic })).status, 200);
    await expectError(
      await get(1, { Authorization: `token ${KEY}:wrong-secret` }),
      401,
      'AuthenticationError',
    );
    await expectError(
      await get(1, { Authorization: `token unknown-key:${SECRET}` }),
      401,
      'AuthenticationError',
    );
    await expectError(
      await get(1, { Authorization: 'Basic %%%notbase64' }),
      400,
      'InvalidAuthorizationToken',
    );
    await expectError(await get(1, {}), 403, 'PermissionError');
    await expectError(await post({ subject: 'guest' }, {}), 403, 'PermissionError');
  });

  it('serves Frappe methods as {"message": ...}', async () => {
    const user = await fetch(`${api}/api/method/frappe.auth.get_logged_user`, {
      headers: { Authorization: TOKEN },
    });
    assert.deepEqual(await user.json(), { message: 'Administrator' });
    const ping = await fetch(`${api}/api/method/ping`);
    assert.deepEqual(await ping.json(), { message: 'pong' });
    await expectError(
      await fetch(`${api}/api/resource/No%20Such%20Doctype/1`, {
        headers: { Authorization: TOKEN },
      }),
      404,
      'DoesNotExistError',
    );
  });

  it('publishes the committed TicketOpened to JetStream for consumers', async () => {
    const { data } = (await (
      await post({ subject: 'Event please', raised_by: 'ev@example.com' })
    ).json()) as {
      data: { name: number };
    };
    const stream = namespacedStream(namespace, TICKET_EVENTS_STREAM);
    await ensureDurableConsumer(jsm, {
      stream,
      durable: 'e2e-reader',
      filterSubject: namespacedSubject(namespace, 'helpdesk.ticket.v1.opened'),
    });
    const consumer = await jetstream(nats).consumers.get(stream, 'e2e-reader');
    const seen = new Map<number, TicketEventV1>();
    const event = await waitFor(
      async () => {
        const batch = await consumer.fetch({ max_messages: 100, expires: 1_000 });
        for await (const message of batch) {
          const payload = message.json<TicketEventV1>();
          seen.set(payload.ticket, payload);
          message.ack();
        }
        return seen.get(data.name);
      },
      { what: `helpdesk.ticket.v1.opened for ticket ${data.name}` },
    );
    assert.equal(event.type, 'helpdesk.ticket.v1.opened');
    assert.equal(event.ticketVersion, 1);
    assert.equal(event.actor, 'Administrator');
    assert.equal(event.data.subject, 'Event please');
    assert.equal(event.data.raised_by, 'ev@example.com');
  });

  it('answers 504 when the ticket service hangs, 503 when none runs, and recovers', async () => {
    await ticketService.stop();
    // A responder that takes the request and never answers, like a hung replica.
    const hung = nats.subscribe(namespacedSubject(namespace, 'ticket.resource.get'), {
      queue: 'ticket-service',
    });
    await nats.flush();
    await expectError(await get(1), 504, 'GatewayTimeoutError');
    hung.unsubscribe();
    await nats.flush();
    await expectError(await get(1), 503, 'ServiceUnavailableError');
    const port = Number(new URL(ticketService.url).port);
    ticketService = await startApp(
      'ticket-service',
      {
        DATABASE_URL: db.url,
        NATS_URL,
        HELPDESK_NAMESPACE: namespace,
      },
      port,
    );
    apps.push(ticketService);
    assert.equal((await get(1)).status, 200);
  });

  async function ticketCount(): Promise<number> {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM ticket.events',
      );
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  }
});
