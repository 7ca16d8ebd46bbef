import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { docMethod, openTicket, sql } from './support/ticket-api-calls.js';

const AGENT = 'agent@helpdesk.example';
const OTHER = 'other@helpdesk.example';
// Fourteen hours ahead of UTC: the site's day and the UTC day differ for most of the day.
const ZONE = 'Pacific/Kiritimati';

const dayIn = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

describe('get_list_data: the __assigned_on pseudo-filter', () => {
  let stack: ApiStack;
  let agent: ApiCall;
  let fresh: number;
  let old: number;
  let early: number;
  let theirs: number;

  /** Names of the test tickets the agent's list shows with these filters, and its total. */
  const listed = async (filters: unknown, doctype = 'HD Ticket') => {
    const { status, body } = await agent('POST', '/api/method/helpdesk.api.doc.get_list_data', {
      doctype,
      filters,
      rows: ['name'],
      order_by: 'name asc',
    });
    assert.equal(status, 200, JSON.stringify(body));
    return {
      names: (body.message.data as Json[]).map((row) => row.name),
      total: body.message.total_count,
    };
  };

  before(async () => {
    stack = await startApiStack('assigned-on', { HELPDESK_TIME_ZONE: ZONE });
    agent = await stack.as(AGENT, ['Agent']);
    const raise = async (subject: string) => (await openTicket(stack.call, { subject })).name;
    [fresh, old, early, theirs] = [
      await raise('Assigned now'),
      await raise('Assigned ten days ago'),
      await raise('Assigned early today'),
      await raise('Assigned to someone else'),
    ];
    for (const ticket of [fresh, old, early]) {
      await docMethod(stack.call, ticket, 'assign_agent', { agent: AGENT });
    }
    await docMethod(stack.call, theirs, 'assign_agent', { agent: OTHER });
    // The clock cannot be moved, so two assignments are dated back where the projection keeps them.
    await sql(
      stack,
      `UPDATE ticket.hd_ticket_assignment SET assigned_at = now() - interval '10 days'
        WHERE ticket = $1`,
      [old],
    );
    await sql(
      stack,
      `UPDATE ticket.hd_ticket_assignment
          SET assigned_at = (date_trunc('day', now() AT TIME ZONE $2) + interval '30 minutes')
                            AT TIME ZONE $2
        WHERE ticket = $1`,
      [early, ZONE],
    );
  });

  after(async () => {
    await stack?.stop();
  });

  it('compares the assignment’s day in the site’s zone', async () => {
    const today = dayIn(new Date());
    assert.deepEqual(await listed({ __assigned_on: today }), {
      names: [fresh, early],
      total: 2,
    });
    assert.deepEqual((await listed({ __assigned_on: ['<', today] })).names, [old]);
    assert.deepEqual((await listed([['__assigned_on', '>=', today]])).names, [fresh, early]);
  });

  it('takes timespans, between and is set, each only over the caller’s assignments', async () => {
    const tenDaysAgo = dayIn(new Date(Date.now() - 10 * 86_400_000));
    assert.deepEqual((await listed({ __assigned_on: ['timespan', 'last 7 days'] })).names, [
      fresh,
      early,
    ]);
    assert.deepEqual(
      (await listed([['__assigned_on', 'between', [tenDaysAgo, tenDaysAgo]]])).names,
      [old],
    );
    assert.deepEqual((await listed({ __assigned_on: ['is', 'set'] })).names, [fresh, old, early]);
    assert.deepEqual((await listed({ __assigned_on: ['is', 'not set'] })).names, []);
  });

  it('intersects with a name filter and keeps the other filters', async () => {
    assert.deepEqual(
      (await listed({ name: ['in', [old, theirs]], __assigned_on: ['is', 'set'] })).names,
      [old],
    );
    assert.deepEqual(
      await listed([
        ['subject', 'like', '%now%'],
        ['__assigned_on', 'is', 'set'],
      ]),
      { names: [fresh], total: 1 },
    );
  });

  it('forgets an assignment that was removed, and matches nothing on other doctypes', async () => {
    await stack.call('POST', '/api/method/helpdesk.api.doc.remove_assignments', {
      doctype: 'HD Ticket',
      name: fresh,
      assignees: [AGENT],
    });
    assert.deepEqual((await listed({ __assigned_on: ['is', 'set'] })).names, [old, early]);
    assert.deepEqual(await listed({ __assigned_on: ['is', 'set'] }, 'HD Ticket Status'), {
      names: [],
      total: 0,
    });
  });
});
