import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { createRoundTheClockSla, siteTimeAgo } from './support/round-the-clock-sla.js';
import { docMethod, errorMessage, openTicket, sql, TICKETS } from './support/ticket-api-calls.js';

const DASHBOARD = '/api/method/helpdesk.api.dashboard.get_dashboard_data';
const FEEDBACK_RECEIVED = '/api/method/helpdesk.api.ticket_stats.get_feedback_received';
const AGENT_HOME = '/api/method/helpdesk.api.agent_home.agent_home';
const ANN = 'ann@example.com';
const MIA = 'mia@example.com';
const NOT_ALLOWED = 'You are not allowed to view this dashboard data.';

/**
 * The dashboards through the gateway, served by metrics-worker from its projection of the ticket
 * events: four tickets made through the API (two in team Billing, two of them Ann's, two answered
 * and resolved under a round-the-clock SLA whose clock started two hours before, one rated four
 * stars), and each card checked against the tickets' own fields.
 */
describe('dashboards from metrics-worker, through the gateway', () => {
  let stack: ApiStack;
  let ann: ApiCall;
  let mia: ApiCall;
  const tickets: number[] = [];
  let joContact: string;

  const dashboard = (as: ApiCall, type: string, filters?: unknown) =>
    as('POST', DASHBOARD, { dashboard_type: type, ...(filters === undefined ? {} : { filters }) });

  async function cards(as: ApiCall, filters?: unknown): Promise<Record<string, Json>> {
    const answer = await dashboard(as, 'number_card', filters);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return Object.fromEntries((answer.body.message as Json[]).map((card) => [card.title, card]));
  }

  async function documents(): Promise<Json[]> {
    return Promise.all(
      tickets.map(
        async (name) => (await stack.call('GET', `${TICKETS}/${name}`)).body.data as Json,
      ),
    );
  }

  /** The cards Frappe computes from these documents (all created today, none before). */
  function expectedCards(docs: Json[]) {
    const resolved = docs.filter((d) => ['Resolved', 'Closed'].includes(d.status as string));
    const responded = docs.filter((d) => d.first_responded_on && d.first_response_time !== null);
    const timed = resolved.filter((d) => d.resolution_time !== null);
    const rated = docs.filter((d) => Number(d.feedback_rating) > 0);
    const mean = (values: number[]) =>
      values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    return {
      tickets: docs.length,
      sla: resolved.length
        ? (docs.filter((d) => d.agreement_status === 'Fulfilled').length / resolved.length) * 100
        : 0,
      firstResponse: mean(responded.map((d) => Number(d.first_response_time) / 3600)),
      resolution: mean(timed.map((d) => Math.ceil(Number(d.resolution_time) / 86_400))),
      feedback: mean(rated.map((d) => Number(d.feedback_rating))) * 5,
    };
  }

  before(async () => {
    stack = await startApiStack('dashboards', {}, { sla: true, metrics: true });
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: [ANN, MIA],
      send_welcome_mail_to_user: false,
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    const promoted = await stack.call(
      'POST',
      '/api/method/helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role',
      { user: MIA, new_role: 'Manager' },
    );
    assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
    const team = await stack.call('POST', '/api/resource/HD Team', {
      team_name: 'Billing',
      users: [{ user: ANN }],
    });
    assert.equal(team.status, 200, JSON.stringify(team.body));
    // Round the clock, so the first responses take about the two hours since the SLA started.
    await createRoundTheClockSla(stack.call);
    const option = await stack.call('POST', '/api/resource/HD Ticket Feedback Option', {
      label: 'Helpful',
      rating: 0.8,
    });
    assert.equal(option.status, 200, JSON.stringify(option.body));
    // Jo, who raises the tickets, has a Contact: feedback rows show its name and picture.
    const jo = await stack.call('POST', '/api/resource/Contact', {
      first_name: 'Jo',
      last_name: 'Acme',
      image: '/files/jo.png',
      email_ids: [{ email_id: 'jo@acme.example', is_primary: 1 }],
    });
    assert.equal(jo.status, 200, JSON.stringify(jo.body));
    joContact = jo.body.data.name as string;
    ann = await stack.keysOf(ANN);
    mia = await stack.keysOf(MIA);
    // ticket-service checks teams and assignees against its copy of people: wait for them.
    await waitFor(
      async () =>
        (await sql(stack, `SELECT 1 FROM ticket.people_agent WHERE name = $1`, [ANN])).length ===
          1 || undefined,
      { what: "ticket-service's copy of Ann" },
    );
    await waitFor(
      async () =>
        (await sql(stack, `SELECT 1 FROM ticket.people_contact WHERE name = $1`, [joContact]))
          .length === 1 || undefined,
      { what: "ticket-service's copy of Jo's Contact" },
    );

    const open = async (fields: Json) =>
      Number(
        (
          await openTicket(stack.call, {
            raised_by: 'jo@acme.example',
            ticket_type: 'Incident',
            service_level_agreement_creation: siteTimeAgo(7_200_000),
            ...fields,
          })
        ).name,
      );
    const billing = async (fields: Json) =>
      waitFor(() => open({ agent_group: 'Billing', ...fields }).catch(() => undefined), {
        what: 'a ticket in team Billing',
      });
    const assign = async (ticket: number) => {
      const added = await stack.call('POST', '/api/method/frappe.desk.form.assign_to.add', {
        doctype: 'HD Ticket',
        name: String(ticket),
        assign_to: [ANN],
      });
      assert.equal(added.status, 200, JSON.stringify(added.body));
    };
    const resolve = async (ticket: number) => {
      const replied = await docMethod(stack.call, ticket, 'reply_via_agent', { message: 'Done.' });
      assert.equal(replied.status, 200, JSON.stringify(replied.body));
      const saved = await stack.call('PUT', `${TICKETS}/${ticket}`, { status: 'Resolved' });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
    };

    tickets.push(await billing({ subject: 'Invoice twice' }));
    tickets.push(await billing({ subject: 'Refund' }));
    tickets.push(await open({ subject: 'Login' }));
    tickets.push(await open({ subject: 'Portal', via_customer_portal: 1 }));
    const [rated, , alsoAnns] = tickets as [number, number, number, number];
    await assign(rated);
    await assign(alsoAnns);
    await resolve(rated);
    await resolve(alsoAnns);
    const feedback = await stack.call('PUT', `${TICKETS}/${rated}`, {
      feedback: 'Helpful',
      feedback_rating: 0.8,
    });
    assert.equal(feedback.status, 200, JSON.stringify(feedback.body));
    // sla-service reckons the resolved tickets after their saves: wait for its figures.
    await waitFor(
      async () => {
        const docs = await documents();
        const resolved = docs.filter((d) => d.status === 'Resolved');
        const settled = resolved.every(
          (d) =>
            d.sla === 'Incidents 24x7' &&
            d.first_response_time !== null &&
            d.resolution_time !== null &&
            ['Fulfilled', 'Failed'].includes(d.agreement_status as string),
        );
        return settled && resolved.length === 2 ? true : undefined;
      },
      { what: 'the SLA figures of the resolved tickets', timeoutMs: 30_000 },
    );
  });

  after(async () => {
    await stack?.stop();
  });

  it('a manager’s number cards equal what the tickets’ own fields give', async () => {
    const expected = expectedCards(await documents());
    const matches = (now: Record<string, Json>) =>
      now['Tickets']!.value === expected.tickets &&
      now['% SLA Fulfilled']!.value === expected.sla &&
      now['Avg. Resolution']!.value === expected.resolution &&
      now['Avg. Feedback Rating']!.value === expected.feedback;
    let shown: Record<string, Json> = {};
    await waitFor(async () => matches((shown = await cards(mia))), {
      what: `the projection to catch up (expected ${JSON.stringify(expected)})`,
      timeoutMs: 30_000,
    });
    assert.deepEqual(shown['Tickets'], {
      title: 'Tickets',
      value: expected.tickets,
      delta: 0,
      deltaSuffix: '%',
      negativeIsBetter: true,
      tooltip: 'Total number of tickets created',
    });
    assert.equal(shown['% SLA Fulfilled']!.value, expected.sla);
    assert.ok(Math.abs(shown['Avg. First Response']!.value - expected.firstResponse) < 1e-9);
    assert.ok(expected.firstResponse >= 2, 'about the two hours since the SLA started');
    assert.equal(shown['Avg. First Response']!.delta, 0, 'no previous window to compare with');
    assert.equal(shown['Avg. Resolution']!.value, expected.resolution);
    assert.equal(shown['Avg. Feedback Rating']!.value, expected.feedback);
    assert.equal(
      shown['Avg. Feedback Rating']!.delta,
      4,
      'four stars more than the nothing before',
    );
  });

  it('narrows to a team for a manager and to themselves (@me) for an agent', async () => {
    const billing = await cards(mia, { team: 'Billing' });
    assert.equal(billing['Tickets']!.value, 2);
    const own = await cards(ann, { agent: '@me' });
    assert.equal(own['Tickets']!.value, 2);
    assert.equal(own['Avg. Feedback Rating']!.value, 4);
    const named = await cards(ann, JSON.stringify({ agent: ANN }));
    assert.equal(named['Tickets']!.value, 2);
    const miasOwn = await cards(mia, { agent: '@me' });
    assert.equal(miasOwn['Tickets']!.value, 0);
  });

  it('refuses an agent another agent’s, a team’s, or everyone’s dashboard with 403', async () => {
    for (const filters of [undefined, {}, { agent: MIA }, { agent: ANN, team: 'Billing' }]) {
      const refused = await dashboard(ann, 'number_card', filters);
      assert.equal(refused.status, 403, JSON.stringify(filters));
      assert.equal(errorMessage(refused.body), NOT_ALLOWED);
    }
    const customer = await stack.as('cat@customer.example');
    const notAnAgent = await dashboard(customer, 'number_card', { agent: '@me' });
    assert.equal(notAnAgent.status, 403);
  });

  it('draws today’s trend and the breakdowns', async () => {
    const trend = await dashboard(mia, 'trend');
    assert.equal(trend.status, 200, JSON.stringify(trend.body));
    const [tickets, feedback] = trend.body.message as Json[];
    const today = (tickets!.data as Json[]).at(-1)!;
    assert.deepEqual([today.open, today.closed], [2, 2]);
    assert.equal((feedback!.data as Json[]).at(-1)!.rated_tickets, 1);
    assert.equal(tickets!.subtitle, 'Average tickets per day is around 0');

    const master = await dashboard(mia, 'master');
    assert.equal(master.status, 200, JSON.stringify(master.body));
    const [team, , , channel] = master.body.message as Json[];
    assert.deepEqual(
      [...(team!.data as Json[])].sort((a, b) => String(a.team).localeCompare(String(b.team))),
      [
        { team: 'Billing', count: 2 },
        { team: 'No Team', count: 2 },
      ],
    );
    assert.deepEqual(channel!.data, [
      { channel: 'Portal', count: 1 },
      { channel: 'Email', count: 3 },
    ]);
  });

  it('gives an agent their feedback and tickets, another agent’s feedback to managers only', async () => {
    const own = await ann('GET', `${FEEDBACK_RECEIVED}?scope=agent`);
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.deepEqual(own.body.message, {
      data: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
      average: 4,
      total: 1,
    });
    const others = await ann('GET', `${FEEDBACK_RECEIVED}?scope=agent&value=${MIA}`);
    assert.equal(others.status, 403);
    assert.equal(errorMessage(others.body), "You are not allowed to view another agent's stats.");
    assert.equal((await mia('GET', `${FEEDBACK_RECEIVED}?scope=agent&value=${ANN}`)).status, 200);

    const mine = await ann('GET', `${AGENT_HOME}.get_agent_tickets?period=last%20week`);
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.message.total, 2);
    assert.equal(mine.body.message.data.length, 7);
    assert.equal(mine.body.message.percentage_change, null);

    const recent = await ann('GET', `${AGENT_HOME}.get_recent_feedback`);
    assert.equal(recent.status, 200, JSON.stringify(recent.body));
    assert.equal(recent.body.message.average_rating, 4);
    assert.deepEqual(
      (recent.body.message.recent_feedbacks as Json[]).map((f) => [
        f.name,
        f.star_rating,
        f.contact,
        f.contact_name,
        f.contact_image,
      ]),
      [[tickets[0], 4, joContact, 'Jo Acme', '/files/jo.png']],
    );
  });
});
