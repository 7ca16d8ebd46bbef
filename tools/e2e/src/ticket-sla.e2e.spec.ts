import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { freePort, startApp, waitFor } from '@helpdesk/shared-testing';
import { Redis } from 'ioredis';
import { startApiStack, type ApiStack, type Json } from './support/api-stack.js';

const TICKETS = '/api/resource/HD Ticket';
const EVERY_DAY = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Frappe's `YYYY-MM-DD HH:mm:ss.SSSSSS` in the site's zone (UTC here) → epoch ms. */
function instant(value: unknown): number {
  assert.equal(typeof value, 'string', `expected a datetime, got ${JSON.stringify(value)}`);
  return Date.parse(`${String(value).replace(' ', 'T').slice(0, 23)}Z`);
}

describe('ticket SLAs reckoned by sla-service, through the gateway', () => {
  let stack: ApiStack;

  async function ticket(name: number): Promise<Json> {
    const read = await stack.call('GET', `${TICKETS}/${name}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    return read.body.data as Json;
  }

  /** The ticket once `until` holds for it (sla-service reckons after the save commits). */
  function ticketWhen(name: number, what: string, until: (doc: Json) => boolean): Promise<Json> {
    return waitFor(
      async () => {
        const doc = await ticket(name);
        return until(doc) ? doc : undefined;
      },
      { what: `ticket ${name}: ${what}`, timeoutMs: 20_000 },
    );
  }

  async function open(fields: Record<string, unknown>): Promise<number> {
    const created = await stack.call('POST', TICKETS, { subject: 'SLA check', ...fields });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    return created.body.data.name as number;
  }

  async function setStatus(name: number, status: string): Promise<void> {
    const saved = await stack.call('PUT', `${TICKETS}/${name}`, { status });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  }

  before(async () => {
    stack = await startApiStack('ticket-sla', {}, { sla: true, metrics: true });
    // A round-the-clock SLA for Incidents: working time is wall time, so every figure below is
    // exact, and short budgets make deadlines pass during the test.
    const always = await stack.call('POST', '/api/resource/HD Service Holiday List', {
      holiday_list_name: 'Always',
      from_date: '2026-01-01',
      to_date: '2030-12-31',
    });
    assert.equal(always.status, 200, JSON.stringify(always.body));
    const incidents = await stack.call('POST', '/api/resource/HD Service Level Agreement', {
      service_level: 'Incidents 24x7',
      condition_json: '[["ticket_type","==","Incident"]]',
      holiday_list: 'Always',
      support_and_resolution: EVERY_DAY.map((workday) => ({
        workday,
        start_time: '00:00:00',
        end_time: '24:00:00',
      })),
      priorities: [
        { priority: 'Urgent', response_time: 4, resolution_time: 3600 },
        { priority: 'High', response_time: 3600, resolution_time: 7200, default_priority: 1 },
        { priority: 'Medium', response_time: 7200, resolution_time: 14400 },
        { priority: 'Low', response_time: 14400, resolution_time: 28800 },
      ],
    });
    assert.equal(incidents.status, 200, JSON.stringify(incidents.body));
  });

  after(async () => {
    await stack?.stop();
  });

  it('a ticket created Friday 17:00, Urgent, under the seeded SLA gets §1.5’s deadlines', async () => {
    const name = await open({
      priority: 'Urgent',
      service_level_agreement_creation: '2026-11-20 17:00:00',
    });
    const doc = await ticketWhen(name, 'reckoned', (d) => d.response_by !== null);
    assert.equal(doc.sla, 'Default');
    assert.equal(String(doc.service_level_agreement_creation).slice(0, 19), '2026-11-20 17:00:00');
    assert.equal(String(doc.response_by).slice(0, 19), '2026-11-20 17:30:00', 'Fri 17:30');
    assert.equal(String(doc.resolution_by).slice(0, 19), '2026-11-23 11:00:00', 'Mon 11:00');
    assert.equal(doc.agreement_status, 'Failed', 'that Friday is long past');
  });

  it('pausing and resuming moves resolution_by by exactly the paused working time', async () => {
    const name = await open({ ticket_type: 'Incident', priority: 'High' });
    const before = await ticketWhen(name, 'on the 24x7 SLA', (d) => d.sla === 'Incidents 24x7');
    assert.equal(before.agreement_status, 'First Response Due');
    await setStatus(name, 'Replied');
    const paused = await ticketWhen(name, 'paused', (d) => d.on_hold_since !== null);
    assert.equal(paused.agreement_status, 'Paused');
    // Stay paused across at least one whole second, so the hold is measurable.
    const heldUntil = instant(paused.on_hold_since) + 1_500;
    await waitFor(() => Date.now() > heldUntil, { what: 'a second and a half of hold' });
    await setStatus(name, 'Open');
    const resumed = await ticketWhen(
      name,
      'resumed',
      (d) => d.on_hold_since === null && Number(d.total_hold_time) >= 0 && d.status === 'Open',
    );
    const held = Number(resumed.total_hold_time);
    assert.equal(
      instant(resumed.resolution_by) - instant(before.resolution_by),
      held * 1000,
      'resolution_by moved by the hold time, to the second',
    );
    assert.equal(instant(resumed.response_by), instant(before.response_by), 'response_by stays');
    assert.ok(held >= 1 && held <= 6, `held ${held}s: about as long as the pause`);
  });

  it('a response deadline passing unmet turns the agreement Failed within seconds', async () => {
    const name = await open({ ticket_type: 'Incident', priority: 'Urgent' });
    const due = await ticketWhen(name, 'first response due', (d) => d.response_by !== null);
    assert.equal(due.agreement_status, 'First Response Due');
    const failed = await ticketWhen(name, 'failed', (d) => d.agreement_status === 'Failed');
    const late = Date.now() - instant(failed.response_by);
    assert.ok(late < 6_000, `Failed ${late} ms after response_by`);
  });

  it("avg_response_time is measured in the ticket's SLA calendar: a holiday counts no time", async () => {
    // Yesterday, today and tomorrow off, whatever the site's zone: the wait below is all holiday.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const list = await stack.call('POST', '/api/resource/HD Service Holiday List', {
      holiday_list_name: 'Days off',
      from_date: day(-1),
      to_date: day(1),
      holidays: [-1, 0, 1].map((offset) => ({ holiday_date: day(offset), description: 'Off' })),
    });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const questions = await stack.call('POST', '/api/resource/HD Service Level Agreement', {
      service_level: 'Questions on days off',
      condition_json: '[["ticket_type","==","Question"]]',
      holiday_list: 'Days off',
      support_and_resolution: EVERY_DAY.map((workday) => ({
        workday,
        start_time: '00:00:00',
        end_time: '24:00:00',
      })),
      priorities: [
        { priority: 'Urgent', response_time: 3600, resolution_time: 7200 },
        { priority: 'High', response_time: 3600, resolution_time: 7200, default_priority: 1 },
        { priority: 'Medium', response_time: 7200, resolution_time: 14400 },
        { priority: 'Low', response_time: 14400, resolution_time: 28800 },
      ],
    });
    assert.equal(questions.status, 200, JSON.stringify(questions.body));
    const name = await open({ ticket_type: 'Question', description: '<p>How do I export?</p>' });
    await ticketWhen(name, 'on the days-off SLA', (d) => d.sla === 'Questions on days off');
    const asked = Date.now();
    await waitFor(() => Date.now() > asked + 1_100, { what: 'a second of waiting' });
    const reply = await stack.call('POST', '/api/method/run_doc_method', {
      dt: 'HD Ticket',
      dn: name,
      method: 'reply_via_agent',
      args: { message: '<p>Use the export button</p>' },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    // The figure may first be computed before the SLA's calendar reaches metrics-worker; it
    // settles on the calendar's answer although more than a second passed.
    const measured = await ticketWhen(name, 'no working time', (d) => d.avg_response_time === 0);
    assert.ok(instant(measured.last_agent_response) - asked >= 1_000, 'the reply came later');
  });

  it('after a Redis flush, the deadline timers are rebuilt at start and still fire', async () => {
    const name = await open({ ticket_type: 'Incident', priority: 'Urgent' });
    const due = await ticketWhen(name, 'first response due', (d) => d.response_by !== null);
    assert.equal(due.agreement_status, 'First Response Due');
    await stack.apps.get('sla-service')!.kill();
    // Every BullMQ key of this stack's namespace goes, the deadline job with them.
    const redis = new Redis('redis://127.0.0.1:6379');
    try {
      const keys = await redis.keys(`helpdesk:${stack.namespace}:*`);
      assert.ok(
        keys.some((key) => key.includes('sla-deadlines')),
        'the timer was in Redis',
      );
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    stack.apps.set('sla-service', await startApp('sla-service', stack.env, await freePort()));
    const failed = await ticketWhen(name, 'failed', (d) => d.agreement_status === 'Failed');
    assert.ok(instant(failed.response_by) <= Date.now(), 'Failed once response_by passed');
  });
});
