import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import {
  PEOPLE_EVENTS_STREAM,
  type FieldLayoutCreatedV1,
  type PeopleEventV1,
} from '@helpdesk/agent-contracts';
import {
  ensureDurableConsumer,
  namespacedStream,
  namespacedSubject,
} from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { errorMessage, sql } from './support/ticket-api-calls.js';

const DOCTYPE = 'HD Field Layout';
const LAYOUTS = `/api/resource/${encodeURIComponent(DOCTYPE)}`;
const method = (name: string) => `/api/method/${name}`;
const ADA = 'ada@example.com';
const BEN = 'ben@example.com';
const CHARTS = [
  { chart: 'ticket_count', layout: { x: 0, y: 0, w: 4, h: 2 } },
  { chart: 'avg_first_response_time', layout: { x: 4, y: 0, w: 4, h: 2, minW: 2 } },
];
const LAYOUT = JSON.stringify(CHARTS);
const MOVED = JSON.stringify([{ ...CHARTS[0], layout: { x: 0, y: 2, w: 8, h: 3 } }]);

function expectError(response: { status: number; body: Json }, status: number, excType: string) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.body.exc_type, excType, JSON.stringify(response.body));
}

/** What the dashboard does: `frappe.client.insert` with its own user and the layout as text. */
const insert = (as: ApiCall, doc: Json) =>
  as('POST', method('frappe.client.insert'), { doc: { doctype: DOCTYPE, ...doc } });
const getValue = (as: ApiCall, user: string, fieldname: unknown = 'name') =>
  as('POST', method('frappe.client.get_value'), {
    doctype: DOCTYPE,
    fieldname,
    filters: { user },
  });
const setLayout = (as: ApiCall, name: string, value: string) =>
  as('POST', method('frappe.client.set_value'), {
    doctype: DOCTYPE,
    name,
    fieldname: 'layout',
    value,
  });
const listOf = (as: ApiCall, user: string) =>
  as(
    'GET',
    `${LAYOUTS}?filters=${encodeURIComponent(JSON.stringify({ user }))}&fields=${encodeURIComponent('["name","user","type","layout"]')}`,
  );

describe('HD Field Layout through the gateway', () => {
  let stack: ApiStack;
  let nats: NatsConnection;
  let ada: ApiCall;
  let ben: ApiCall;
  let lead: ApiCall;
  let sysManager: ApiCall;
  let customer: ApiCall;
  let adas: string;

  before(async () => {
    stack = await startApiStack('layouts');
    nats = await connect({ servers: testConfig.NATS_URL });
    const invited = await stack.call('POST', method('helpdesk.api.agent.sent_invites'), {
      emails: [ADA, BEN],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    ada = await stack.keysOf(ADA);
    ben = await stack.keysOf(BEN);
    lead = await stack.as('lead@example.com', ['Agent Manager']);
    sysManager = await stack.as('sys@example.com', ['System Manager']);
    customer = await stack.as('cat@customer.com', ['HD Customer']);
  });

  after(async () => {
    await nats?.close();
    await stack?.stop();
  });

  it('an agent saves their dashboard with frappe.client.insert and finds it by user', async () => {
    const inserted = await insert(ada, { user: ADA, layout: LAYOUT });
    assert.equal(inserted.status, 200, JSON.stringify(inserted.body));
    const doc = inserted.body.message as Json;
    adas = doc.name as string;
    assert.match(adas, /^[0-9a-f]{10}$/);
    assert.equal(doc.doctype, DOCTYPE);
    assert.equal(doc.user, ADA);
    assert.equal(doc.type, 'Landing Page');
    assert.equal(doc.apply_to_system, 0);
    assert.equal(doc.layout, LAYOUT);
    assert.equal(doc.owner, ADA);

    assert.deepEqual((await getValue(ada, ADA)).body, { message: { name: adas } });
    const both = await getValue(ada, ADA, ['name', 'layout']);
    assert.deepEqual(both.body.message, { name: adas, layout: LAYOUT });
    const listed = await listOf(ada, ADA);
    assert.deepEqual(listed.body.data, [
      { name: adas, user: ADA, type: 'Landing Page', layout: LAYOUT },
    ]);
    const viaClient = await ada('POST', method('frappe.client.get_list'), {
      doctype: DOCTYPE,
      filters: { user: ADA },
      fields: ['name'],
    });
    assert.deepEqual(viaClient.body.message, [{ name: adas }]);
  });

  it('set_value changes the layout and stamps who changed it', async () => {
    const changed = await setLayout(ada, adas, MOVED);
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.message.layout, MOVED);
    assert.equal(changed.body.message.modified_by, ADA);
    const read = await ada('GET', `${LAYOUTS}/${adas}`);
    assert.equal(read.body.data.layout, MOVED);
  });

  it('another agent, even an Agent Manager, neither sees nor changes it', async () => {
    for (const other of [ben, lead]) {
      assert.deepEqual((await listOf(other, ADA)).body.data, []);
      assert.deepEqual((await getValue(other, ADA)).body, {});
      expectError(await other('GET', `${LAYOUTS}/${adas}`), 403, 'PermissionError');
      expectError(await setLayout(other, adas, LAYOUT), 403, 'PermissionError');
      expectError(await other('DELETE', `${LAYOUTS}/${adas}`), 403, 'PermissionError');
    }
    const forAda = await insert(ben, { user: ADA, layout: LAYOUT });
    expectError(forAda, 403, 'PermissionError');
    assert.equal(errorMessage(forAda.body), 'You can only save your own layout');
    const givenAway = await ada('PUT', `${LAYOUTS}/${adas}`, { user: BEN });
    expectError(givenAway, 403, 'PermissionError');
    assert.equal(errorMessage(givenAway.body), 'You can only save your own layout');
    expectError(await ada('GET', `${LAYOUTS}/0123456789`), 404, 'DoesNotExistError');
  });

  it('customers get nothing', async () => {
    expectError(await customer('GET', LAYOUTS), 403, 'PermissionError');
    expectError(await customer('GET', `${LAYOUTS}/${adas}`), 403, 'PermissionError');
    expectError(
      await insert(customer, { user: 'cat@customer.com', layout: LAYOUT }),
      403,
      'PermissionError',
    );
    expectError(await setLayout(customer, adas, LAYOUT), 403, 'PermissionError');
  });

  it('refuses a layout that is not a JSON list of charts, and a second one for the same user', async () => {
    for (const layout of ['[{"chart": "ticket_count"', '{"chart": "x"}', '[{"layout": {}}]']) {
      const refused = await insert(ben, { user: BEN, layout });
      expectError(refused, 417, 'ValidationError');
      assert.match(errorMessage(refused.body) ?? '', /^Layout /);
    }
    expectError(await setLayout(ada, adas, 'not json'), 417, 'ValidationError');
    const second = await insert(ada, { user: ADA, layout: LAYOUT });
    expectError(second, 409, 'DuplicateEntryError');
    assert.equal(
      errorMessage(second.body),
      `${ADA} already has a Landing Page layout: HD Field Layout ${adas}`,
    );
    const [count] = await sql(
      stack,
      `SELECT count(*)::int AS n FROM agent.hd_field_layout WHERE "user" = $1`,
      [ADA],
    );
    assert.equal(count?.n, 1);
  });

  it('System Managers and Administrator read and keep every layout', async () => {
    for (const manager of [sysManager, stack.call]) {
      const read = await manager('GET', `${LAYOUTS}/${adas}`);
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.equal(read.body.data.user, ADA);
      assert.deepEqual((await getValue(manager, ADA)).body, { message: { name: adas } });
    }
    const bens = await stack.call('POST', LAYOUTS, { user: BEN, layout: LAYOUT });
    assert.equal(bens.status, 200, JSON.stringify(bens.body));
    assert.equal(bens.body.data.owner, 'Administrator');
    // Made for Ben, so it is Ben's to read and change.
    assert.equal((await setLayout(ben, bens.body.data.name, MOVED)).status, 200);
  });

  it('the agent deletes their layout', async () => {
    const deleted = await ada('POST', method('frappe.client.delete'), {
      doctype: DOCTYPE,
      name: adas,
    });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
    expectError(await ada('GET', `${LAYOUTS}/${adas}`), 404, 'DoesNotExistError');
    assert.deepEqual((await getValue(ada, ADA)).body, {});
  });

  it('publishes helpdesk.people.v1.field-layout-created for other services', async () => {
    const stream = namespacedStream(stack.namespace, PEOPLE_EVENTS_STREAM);
    await ensureDurableConsumer(await jetstreamManager(nats), {
      stream,
      durable: 'layout-reader',
      filterSubject: namespacedSubject(stack.namespace, 'helpdesk.people.v1.field-layout-created'),
    });
    const consumer = await jetstream(nats).consumers.get(stream, 'layout-reader');
    const seen: PeopleEventV1[] = [];
    const created = await waitFor(
      async () => {
        const batch = await consumer.fetch({ max_messages: 50, expires: 1_000 });
        for await (const message of batch) {
          seen.push(message.json<PeopleEventV1>());
          message.ack();
        }
        return seen.find(
          (event): event is FieldLayoutCreatedV1 =>
            event.type === 'helpdesk.people.v1.field-layout-created' && event.name === adas,
        );
      },
      { what: 'Ada’s field-layout-created on JetStream' },
    );
    assert.equal(created.doctype, DOCTYPE);
    assert.equal(created.actor, ADA);
    assert.equal(created.version, 1);
    assert.deepEqual(created.data, {
      document_type: null,
      user: ADA,
      type: 'Landing Page',
      apply_to_system: false,
      layout: LAYOUT,
    });
  });
});
