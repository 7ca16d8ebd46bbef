import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack } from './support/api-stack.js';

const NAMES = `/api/resource/HD Ticket?fields=${encodeURIComponent('["name"]')}&order_by=name asc`;

describe('HD Settings "restrict tickets by team" decides which tickets agents see', () => {
  let stack: ApiStack;
  const agents = new Map<string, ApiCall>();
  const tickets: Record<string, number> = {};

  async function visibleTo(agent: string): Promise<number[]> {
    const listed = await agents.get(agent)!('GET', NAMES);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    return (listed.body.data as { name: number }[]).map((row) => row.name);
  }

  async function restrict(on: 0 | 1, noTeamVisible: 0 | 1 = 0): Promise<void> {
    const saved = await stack.call('PUT', '/api/resource/HD Settings/HD Settings', {
      restrict_tickets_by_agent_group: on,
      do_not_restrict_tickets_without_an_agent_group: noTeamVisible,
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  }

  before(async () => {
    stack = await startApiStack('visibility');
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: ['ann@example.com', 'bob@example.com', 'cy@example.com'],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    for (const [team, users, ignore] of [
      ['Billing', ['ann@example.com'], 0],
      ['Product Experts', ['bob@example.com'], 0],
      ['Leads', ['cy@example.com'], 1],
    ] as const) {
      const created = await stack.call('POST', '/api/resource/HD Team', {
        team_name: team,
        users: users.map((user) => ({ user })),
        ignore_restrictions: ignore,
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
    }
    for (const [key, team] of [
      ['billing', 'Billing'],
      ['product', 'Product Experts'],
      ['none', null],
    ] as const) {
      const created = await stack.call('POST', '/api/resource/HD Ticket', {
        subject: `A ${key} question`,
        raised_by: 'cat@customer.com',
        ...(team ? { agent_group: team } : {}),
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      tickets[key] = created.body.data.name as number;
    }
    for (const agent of ['ann@example.com', 'bob@example.com', 'cy@example.com'])
      agents.set(agent, await stack.keysOf(agent));
    // ticket-service learns teams from agent-service's events: wait until its copy has them.
    const db = new pg.Client({ connectionString: stack.db.url });
    await db.connect();
    try {
      await waitFor(
        async () => {
          const { rows } = await db.query<{ count: string }>(
            `SELECT count(*) FROM ticket.people_team_member m JOIN ticket.people_team t ON t.name = m.team`,
          );
          return rows[0]?.count === '3' ? true : undefined;
        },
        { what: 'ticket-service to take in the teams' },
      );
    } finally {
      await db.end();
    }
  });

  after(async () => {
    await stack?.stop();
  });

  it('without the setting every agent sees every ticket', async () => {
    const all = [tickets.billing, tickets.product, tickets.none];
    assert.deepEqual(await visibleTo('ann@example.com'), all);
    assert.deepEqual(await visibleTo('bob@example.com'), all);
  });

  it('with it, agents see their teams’ tickets; a team ignoring restrictions sees all', async () => {
    await restrict(1);
    assert.deepEqual(await visibleTo('ann@example.com'), [tickets.billing]);
    assert.deepEqual(await visibleTo('bob@example.com'), [tickets.product]);
    assert.deepEqual(await visibleTo('cy@example.com'), [
      tickets.billing,
      tickets.product,
      tickets.none,
    ]);
    const hidden = await agents.get('ann@example.com')!(
      'GET',
      `/api/resource/HD Ticket/${tickets.product}`,
    );
    assert.equal(hidden.status, 403, JSON.stringify(hidden.body));
    const counted = await agents.get('ann@example.com')!(
      'GET',
      '/api/method/frappe.client.get_count?doctype=HD Ticket',
    );
    assert.equal(counted.body.message, 1);
  });

  it('an assignee sees the ticket whatever its team; tickets without a team as configured', async () => {
    const assigned = await stack.call(
      'POST',
      '/api/method/helpdesk.api.ticket.assign_ticket_to_agent',
      {
        ticket_id: tickets.product,
        agent_id: 'ann@example.com',
      },
    );
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.deepEqual(await visibleTo('ann@example.com'), [tickets.billing, tickets.product]);
    await restrict(1, 1);
    assert.deepEqual(await visibleTo('bob@example.com'), [tickets.product, tickets.none]);
    await restrict(0);
  });
});
