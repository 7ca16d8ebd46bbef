import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { SLA_EVENTS_STREAM, type SlaEventV1 } from '@helpdesk/sla-contracts';
import { namespacedStream, namespacedSubject } from '@helpdesk/shared-messaging';
import { testConfig, waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const SLAS = '/api/resource/HD Service Level Agreement';
const LISTS = '/api/resource/HD Service Holiday List';
const GET_EVENTS =
  '/api/method/helpdesk.helpdesk.doctype.hd_service_holiday_list.hd_service_holiday_list.get_events';

const gold = {
  service_level: 'Gold',
  description: 'Gold customers',
  condition_json: '[["priority","in","High,Urgent"]]',
  holiday_list: 'Germany 2027',
  support_and_resolution: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(
    (workday) => ({ workday, start_time: '08:00:00', end_time: '20:00:00' }),
  ),
  priorities: [
    { priority: 'Urgent', response_time: 900, resolution_time: 3600 },
    { priority: 'High', response_time: 1800, resolution_time: 7200, default_priority: 1 },
  ],
};

function expectError(response: { status: number; body: Json }, status: number, excType: string) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.body.exc_type, excType, JSON.stringify(response.body));
}

/** The message text of a Frappe error body (`_server_messages`). */
function messageOf(body: Json): string {
  const [first] = JSON.parse(String(body._server_messages)) as string[];
  return (JSON.parse(first!) as { message: string }).message;
}

/** The last event sla-service published on `helpdesk.sla.v1.<name>`. */
async function lastPublished(stack: ApiStack, name: string): Promise<SlaEventV1 | undefined> {
  const nats = await connect({ servers: testConfig.NATS_URL });
  try {
    const jsm = await jetstreamManager(nats);
    const stored = await jsm.streams.getMessage(
      namespacedStream(stack.namespace, SLA_EVENTS_STREAM),
      {
        last_by_subj: namespacedSubject(stack.namespace, `helpdesk.sla.v1.${name}`),
      },
    );
    return stored?.json<SlaEventV1>();
  } catch {
    return undefined;
  } finally {
    await nats.close();
  }
}

describe('SLAs and holiday lists through the gateway', () => {
  let stack: ApiStack;
  let agent: ApiCall;
  let customer: ApiCall;

  before(async () => {
    stack = await startApiStack('sla', {}, { sla: true });
    agent = await stack.as('anna@example.com', ['Agent']);
    customer = await stack.as('jo@example.com');
  });

  after(async () => {
    await stack?.stop();
  });

  it('serves the Default SLA and holiday list installed at start', async () => {
    const sla = await agent('GET', `${SLAS}/Default`);
    assert.equal(sla.status, 200, JSON.stringify(sla.body));
    assert.equal(sla.body.data.default_sla, 1);
    assert.equal(sla.body.data.default_priority, 'Medium');
    assert.equal(sla.body.data.support_and_resolution.length, 5);
    const list = await agent('GET', `${LISTS}/Default`);
    assert.equal(list.status, 200);
    const year = new Date().getUTCFullYear();
    assert.match(list.body.data.from_date, new RegExp(`^(${year}|${year - 1}|${year + 1})-01-01$`));
  });

  it('creates a holiday list and an SLA on it, checked against ticket-service priorities', async () => {
    const list = await stack.call('POST', LISTS, {
      holiday_list_name: 'Germany 2027',
      from_date: '2027-01-01',
      to_date: '2027-12-31',
      holidays: [{ holiday_date: '2027-10-03', description: 'Unity Day' }],
    });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    assert.equal(list.body.data.total_holidays, 1);

    const created = await stack.call('POST', SLAS, gold);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.data.name, 'Gold');
    assert.equal(created.body.data.default_priority, 'High');
    assert.equal(created.body.data.support_and_resolution[0].start_time, '8:00:00');

    const unknownPriority = await stack.call('POST', SLAS, {
      ...gold,
      service_level: 'Odd',
      priorities: [
        { priority: 'Whenever', response_time: 60, resolution_time: 60, default_priority: 1 },
      ],
    });
    expectError(unknownPriority, 417, 'LinkValidationError');
    assert.equal(messageOf(unknownPriority.body), 'Could not find Row #1: Priority: Whenever');

    const listed = await agent(
      'GET',
      `${SLAS}?fields=${encodeURIComponent('["name","default_sla"]')}&filters=${encodeURIComponent(
        '[["holiday_list","=","Germany 2027"]]',
      )}`,
    );
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.data, [{ name: 'Gold', default_sla: 0 }]);
  });

  it("answers refusals with Frappe's statuses", async () => {
    expectError(await stack.call('POST', SLAS, gold), 409, 'DuplicateEntryError');
    expectError(await agent('GET', `${SLAS}/Nothing`), 404, 'DoesNotExistError');
    const backwards = await stack.call('PUT', `${LISTS}/Germany 2027`, { to_date: '2026-01-01' });
    expectError(backwards, 417, 'ValidationError');
    assert.equal(messageOf(backwards.body), 'To Date cannot be before From Date');
    expectError(
      await agent('POST', SLAS, { ...gold, service_level: 'Mine' }),
      403,
      'PermissionError',
    );
    expectError(await customer('GET', `${SLAS}/Gold`), 403, 'PermissionError');
    const guest = await fetch(`${stack.api}${SLAS}`);
    assert.equal(guest.status, 403);
    const linked = await stack.call('DELETE', `${LISTS}/Germany 2027`);
    expectError(linked, 417, 'LinkExistsError');
  });

  it('hands the default over and publishes both SLAs whole on JetStream', async () => {
    const saved = await stack.call('PUT', `${SLAS}/Gold`, { default_sla: 1 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.data.default_sla, 1);
    assert.equal((await agent('GET', `${SLAS}/Default`)).body.data.default_sla, 0);

    const demoted = await waitFor(
      async () => {
        const event = await lastPublished(stack, 'agreement-saved');
        return event?.name === 'Default' && event;
      },
      { what: 'the demoted Default SLA on JetStream' },
    );
    assert.equal(demoted.doctype, 'HD Service Level Agreement');
    assert.equal(demoted.actor, 'Administrator');
    assert.equal(demoted.data.default_sla, 0);
    assert.equal((demoted.data.priorities as unknown[]).length, 4);
    assert.equal(demoted.data.holiday_list, 'Default');

    const removed = await stack.call('PUT', `${SLAS}/Default`, { default_sla: 1 });
    assert.equal(removed.status, 200);
    assert.equal((await stack.call('DELETE', `${SLAS}/Gold`)).status, 202);
    const deleted = await waitFor(() => lastPublished(stack, 'agreement-deleted'), {
      what: 'the deleted Gold SLA on JetStream',
    });
    assert.equal(deleted.name, 'Gold');
    assert.deepEqual(deleted.data, {});
  });

  it('runs the holiday list doc methods and feeds the calendar', async () => {
    const form = await agent('POST', '/api/method/run_doc_method', {
      method: 'get_weekly_off_dates',
      docs: JSON.stringify({
        doctype: 'HD Service Holiday List',
        name: 'new-hd-service-holiday-list-1',
        from_date: '2027-03-01',
        to_date: '2027-03-31',
        weekly_off: 'Sunday',
        holidays: [],
      }),
    });
    assert.equal(form.status, 200, JSON.stringify(form.body));
    assert.deepEqual(
      form.body.docs[0].holidays.map((row: Json) => row.holiday_date),
      ['2027-03-07', '2027-03-14', '2027-03-21', '2027-03-28'],
    );
    assert.equal(form.body.message, undefined);

    const cleared = await agent('POST', '/api/method/run_doc_method', {
      dt: 'HD Service Holiday List',
      dn: 'Germany 2027',
      method: 'clear_table',
    });
    assert.equal(cleared.status, 200);
    assert.deepEqual(cleared.body.docs[0].holidays, []);
    assert.equal((await agent('GET', `${LISTS}/Germany 2027`)).body.data.total_holidays, 1);

    const events = await agent('GET', `${GET_EVENTS}?start=2027-01-01&end=2028-01-01`);
    assert.equal(events.status, 200, JSON.stringify(events.body));
    assert.deepEqual(events.body.message, [
      {
        name: 'Germany 2027',
        holiday_date: '2027-10-03',
        description: 'Unity Day',
        color: null,
        allDay: 1,
      },
    ]);
    expectError(
      await customer('GET', `${GET_EVENTS}?start=2027-01-01&end=2028-01-01`),
      403,
      'PermissionError',
    );
  });
});
