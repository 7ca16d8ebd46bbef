import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { createRoundTheClockSla, siteTimeAgo } from './support/round-the-clock-sla.js';
import { docMethod, errorMessage, openTicket, sql, TICKETS } from './support/ticket-api-calls.js';

const AGENT_HOME = '/api/method/helpdesk.api.agent_home.agent_home';
const ANN = 'ann@example.com';
const BEN = 'ben@example.com';
const JO = 'jo@acme.example';

/**
 * The agent home's own-work lists through the gateway, served by ticket-service: Ann's tickets
 * under a round-the-clock SLA whose clock started an hour ago (response due in a day), one the
 * customer answered, one assigned to someone else; and what Ann did to them.
 */
describe('agent home: pending tickets and recent activity, through the gateway', () => {
  let stack: ApiStack;
  let ann: ApiCall;
  let ben: ApiCall;
  let jo: ApiCall;
  let answered: number;
  let awaiting: number;
  let bens: number;

  const pending = async (as: ApiCall, ticketType?: string) => {
    const answer = await as(
      'GET',
      `${AGENT_HOME}.get_pending_tickets${ticketType ? `?ticket_type=${ticketType}` : ''}`,
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.message as { tickets: Json[]; total_pending_tickets: number };
  };
  const activity = async (as: ApiCall) => {
    const answer = await as('GET', `${AGENT_HOME}.get_recent_activity`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.message as Json[];
  };
  const ok = async (answer: Promise<{ status: number; body: Json }>) => {
    const { status, body } = await answer;
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  };

  before(async () => {
    stack = await startApiStack('agent-home', {}, { sla: true, metrics: true });
    await ok(
      stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
        emails: [ANN, BEN],
        send_welcome_mail_to_user: false,
      }),
    );
    await createRoundTheClockSla(stack.call);
    ann = await stack.keysOf(ANN);
    ben = await stack.keysOf(BEN);
    jo = await stack.as(JO);
    await waitFor(
      async () =>
        (await sql(stack, `SELECT 1 FROM ticket.people_agent WHERE name = ANY($1)`, [[ANN, BEN]]))
          .length === 2 || undefined,
      { what: "ticket-service's copy of the agents" },
    );
    const assign = (ticket: number, to: string, as: ApiCall = stack.call) =>
      ok(
        as('POST', '/api/method/frappe.desk.form.assign_to.add', {
          doctype: 'HD Ticket',
          name: String(ticket),
          assign_to: [to],
        }),
      );

    answered = Number(
      (
        await openTicket(stack.call, {
          subject: 'Printer on fire',
          raised_by: JO,
          ticket_type: 'Incident',
          service_level_agreement_creation: siteTimeAgo(3_600_000),
        })
      ).name,
    );
    awaiting = Number((await openTicket(jo, { subject: 'Cannot log in' })).name);
    bens = Number((await openTicket(jo, { subject: 'Invoice twice' })).name);
    await assign(answered, ANN);
    await assign(awaiting, ANN);
    // Jo answers on the ticket waiting for Ann.
    await ok(docMethod(jo, awaiting, 'create_communication_via_contact', { message: 'Still?' }));

    // What Ann does: a note and a priority change, an assignment for Ben, a first look.
    await ok(docMethod(ann, awaiting, 'new_comment', { content: '<p>Checking SSO</p>' }));
    await ok(ann('PUT', `${TICKETS}/${awaiting}`, { priority: 'High' }));
    await assign(bens, BEN, ann);
    await ok(docMethod(ann, bens, 'mark_seen'));
    await ok(docMethod(ann, answered, 'reply_via_agent', { message: '<p>On it</p>' }));
    // Answered, so the resolution is what is due now; reopened by someone else than Ann.
    await ok(stack.call('PUT', `${TICKETS}/${answered}`, { status: 'Open' }));
    await waitFor(
      async () => {
        const [doc] = await sql(
          stack,
          `SELECT status, agreement_status, resolution_by FROM ticket.hd_ticket WHERE name = $1`,
          [answered],
        );
        return doc?.status === 'Open' &&
          doc.agreement_status === 'Resolution Due' &&
          doc.resolution_by
          ? true
          : undefined;
      },
      { what: 'the SLA of the answered Incident', timeoutMs: 30_000 },
    );
  });

  after(async () => {
    await stack?.stop();
  });

  it('lists the agent’s tickets whose SLA is running, with when they are due', async () => {
    const { tickets, total_pending_tickets } = await pending(ann, 'upcoming_sla');
    // The other one is under the default SLA, its first response still due.
    assert.equal(total_pending_tickets, 2);
    assert.deepEqual(tickets.map((t) => t.name).sort(), [answered, awaiting].sort());
    const other = tickets.find((t) => t.name === awaiting);
    assert.equal(other?.agreement_status, 'First Response Due');
    assert.match((other?.reason as Json).text, /^Response due in \d+[mhd]$/);
    const due = tickets.find((t) => t.name === answered);
    assert.equal(due?.subject, 'Printer on fire');
    assert.equal(due?.agreement_status, 'Resolution Due');
    const reason = due?.reason as Json;
    // Two days to resolve from an hour ago.
    assert.equal(reason.type, 'upcoming_sla');
    assert.equal(reason.text, 'Resolution due in 1d');
    const left = reason.seconds_until_due as number;
    assert.ok(left > 46 * 3600 && left <= 47 * 3600 + 60, String(left));
    assert.match(due?.resolution_by, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    const bensOwn = await pending(ben, 'upcoming_sla');
    assert.deepEqual(
      bensOwn.tickets.map((t) => t.name),
      [bens],
    );
  });

  it('lists recent assignments newest first, and the customers waiting longest first', async () => {
    const fresh = await pending(ann, 'new_tickets');
    assert.deepEqual(
      fresh.tickets.map((t) => [t.name, (t.reason as Json).text]),
      [
        [awaiting, 'Recently assigned'],
        [answered, 'Recently assigned'],
      ],
    );
    assert.equal(fresh.total_pending_tickets, 2);
    const waiting = await pending(ann, 'pending');
    assert.deepEqual(
      waiting.tickets.map((t) => t.name),
      [awaiting],
    );
    assert.match((waiting.tickets[0]?.reason as Json).text, /^Pending for \d+m$/);
    assert.equal(waiting.total_pending_tickets, 1);
    const bensOwn = await pending(ben, 'new_tickets');
    assert.deepEqual(
      bensOwn.tickets.map((t) => t.name),
      [bens],
    );
  });

  it('shows the agent’s latest action per ticket, newest first', async () => {
    const rows = await activity(ann);
    assert.deepEqual(
      rows.map((row) => [row.name, row.activity_type, row.text]),
      [
        [String(answered), 'replied', null],
        [String(bens), 'viewed', null],
        [String(awaiting), 'updated', 'Set priority to High'],
      ],
    );
    assert.equal(rows[0]?.subject, 'Printer on fire');
    assert.equal(rows[0]?.timestamp, '0m');
    assert.match(rows[0]?.creation, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    // Ben did nothing himself; Ann's assignment of his ticket is Ann's.
    assert.deepEqual(await activity(ben), []);
  });

  it('puts the agent’s charts together on the home page, from their saved layout', async () => {
    const home = async (as: ApiCall, query = '') => {
      const answer = await as('GET', `${AGENT_HOME}.get_dashboard${query}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.message as { layout: Json[]; default_layout: string; dashboard_id: Json };
    };
    const fresh = await home(ann);
    assert.equal(fresh.dashboard_id, null);
    assert.deepEqual(
      fresh.layout.map((chart) => chart.chart),
      JSON.parse(fresh.default_layout).map((chart: Json) => chart.chart),
    );
    assert.equal(fresh.layout.length, 7);
    const data = new Map(fresh.layout.map((chart) => [chart.chart, chart.data]));
    // The same as asked directly, but for the seconds left, which run on between the two.
    const withoutSeconds = (answer: Json) =>
      JSON.parse(JSON.stringify(answer), (key, value) =>
        key === 'seconds_until_due' ? undefined : value,
      );
    assert.deepEqual(
      withoutSeconds(data.get('pending_tickets')),
      withoutSeconds(await pending(ann)),
    );
    assert.deepEqual(data.get('recent_activity'), await activity(ann));
    assert.equal((data.get('agent_tickets') as Json).data.length, 30, 'a month of days');
    assert.ok('average_rating' in (data.get('recent_feedback') as Json));

    const saved = await ok(
      ann('POST', '/api/method/frappe.client.insert', {
        doc: {
          doctype: 'HD Field Layout',
          user: ANN,
          layout: JSON.stringify([
            { chart: 'recent_activity', layout: { x: 0, y: 0, w: 50, h: 32 } },
            { chart: 'agent_tickets', layout: { x: 0, y: 32, w: 16, h: 10 } },
          ]),
        },
      }),
    );
    const name = (saved.message as Json).name as string;
    const own = await home(ann);
    assert.equal(own.dashboard_id, name);
    assert.deepEqual(
      own.layout.map((chart) => [chart.chart, chart.layout.w]),
      [
        ['recent_activity', 50],
        ['agent_tickets', 16],
      ],
    );
    assert.deepEqual(own.layout[0]?.data, await activity(ann));
    const reset = await home(ann, '?reset_layout=1');
    assert.equal(reset.dashboard_id, name);
    assert.equal(reset.layout.length, 7);
    // Ben has no layout of his own and does not get Ann's.
    assert.equal((await home(ben)).dashboard_id, null);
  });

  it('drops tickets the agent may no longer read', async () => {
    await ok(stack.call('POST', '/api/resource/HD Team', { team_name: 'Billing' }));
    await ok(stack.call('PUT', `${TICKETS}/${bens}`, { agent_group: 'Billing' }));
    await ok(
      stack.call('PUT', '/api/resource/HD Settings/HD Settings', {
        restrict_tickets_by_agent_group: 1,
      }),
    );
    const rows = await activity(ann);
    assert.deepEqual(
      rows.map((row) => row.name),
      [String(answered), String(awaiting)],
    );
  });

  it('is for agents only', async () => {
    for (const path of ['get_pending_tickets', 'get_recent_activity', 'get_dashboard']) {
      const refused = await jo('GET', `${AGENT_HOME}.${path}`);
      assert.equal(refused.status, 403, path);
      assert.equal(errorMessage(refused.body), 'You are not permitted to access this resource.');
    }
    const unknown = await ann('GET', `${AGENT_HOME}.get_pending_tickets?ticket_type=overdue`);
    assert.equal(unknown.status, 417);
    assert.equal(unknown.body.exc_type, 'ValidationError');
  });
});
