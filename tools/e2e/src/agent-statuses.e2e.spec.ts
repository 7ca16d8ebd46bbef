import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { errorMessage, sql } from './support/ticket-api-calls.js';

const STATUSES = '/api/resource/HD Agent Status';
const method = (name: string) => `/api/method/${name}`;
const ADA = 'ada@example.com';
const BEN = 'ben@example.com';

function expectError(response: { status: number; body: Json }, status: number, excType: string) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.equal(response.body.exc_type, excType, JSON.stringify(response.body));
}

describe('HD Agent Status through the gateway', () => {
  let stack: ApiStack;
  let manager: ApiCall;
  let ada: ApiCall;
  let customer: ApiCall;

  const setAvailability = (as: ApiCall, availability: string) =>
    as('POST', method('helpdesk.api.agent.set_my_availability'), { availability });

  before(async () => {
    stack = await startApiStack('statuses', {}, { assignmentReplicas: 1 });
    const invited = await stack.call('POST', method('helpdesk.api.agent.sent_invites'), {
      emails: [ADA, BEN],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    manager = await stack.as('lead@example.com', ['Agent Manager']);
    ada = await stack.keysOf(ADA);
    customer = await stack.as('cat@customer.com', ['HD Customer']);
  });

  after(async () => {
    await stack?.stop();
  });

  it('starts with the three statuses, recorded as events; agents read them, customers do not', async () => {
    const listed = await ada(
      'GET',
      `${STATUSES}?fields=${encodeURIComponent('["name","category","color","status_order","enable"]')}`,
    );
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    assert.deepEqual(listed.body.data, [
      { name: 'Active', category: 'Active', color: 'Green', status_order: 10, enable: 1 },
      { name: 'Away', category: 'Away', color: 'Amber', status_order: 20, enable: 1 },
      { name: 'Unavailable', category: 'Unavailable', color: 'Red', status_order: 30, enable: 1 },
    ]);
    const streams = await sql(
      stack,
      `SELECT stream_id FROM agent.events WHERE event_type = 'AgentStatusCreated' ORDER BY 1`,
    );
    assert.deepEqual(
      streams.map((row) => row.stream_id),
      ['agent-status-Active', 'agent-status-Away', 'agent-status-Unavailable'],
    );
    expectError(await customer('GET', STATUSES), 403, 'PermissionError');
    expectError(
      await ada('POST', STATUSES, { agent_status: 'Mine', category: 'Away' }),
      403,
      'PermissionError',
    );
  });

  it('managers create, change and delete statuses with Frappe’s checks', async () => {
    const created = await manager('POST', STATUSES, {
      agent_status: 'Lunch',
      category: 'Away',
      color: 'Orange',
      status_order: 25,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.data.name, 'Lunch');
    assert.equal(created.body.data.enable, 1);
    assert.equal(created.body.data.owner, 'lead@example.com');
    expectError(
      await manager('POST', STATUSES, { agent_status: 'Lunch', category: 'Away' }),
      409,
      'DuplicateEntryError',
    );
    expectError(await manager('POST', STATUSES, { agent_status: 'Nap' }), 417, 'MandatoryError');
    expectError(
      await manager('POST', STATUSES, { agent_status: 'Nap', category: 'Away', color: 'Mauve' }),
      417,
      'ValidationError',
    );
    const changed = await manager('PUT', `${STATUSES}/Lunch`, {
      ...created.body.data,
      color: 'Teal',
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.data.color, 'Teal');
    const temporary = await manager('POST', STATUSES, { agent_status: 'Errand', category: 'Away' });
    assert.equal(temporary.status, 200, JSON.stringify(temporary.body));
    const deleted = await manager('DELETE', `${STATUSES}/Errand`);
    assert.equal(deleted.status, 202, JSON.stringify(deleted.body));
    expectError(await manager('GET', `${STATUSES}/Errand`), 404, 'DoesNotExistError');
  });

  it('keeps one enabled Active status', async () => {
    const disabled = await manager('PUT', `${STATUSES}/Active`, { enable: 0 });
    expectError(disabled, 417, 'ValidationError');
    assert.equal(errorMessage(disabled.body), 'At least one enabled Active status is required.');
    expectError(await manager('DELETE', `${STATUSES}/Active`), 417, 'ValidationError');
    const online = await manager('POST', STATUSES, { agent_status: 'Online', category: 'Active' });
    assert.equal(online.status, 200, JSON.stringify(online.body));
    assert.equal((await manager('PUT', `${STATUSES}/Active`, { enable: 0 })).status, 200);
    expectError(
      await manager('PUT', `${STATUSES}/Online`, { category: 'Away' }),
      417,
      'ValidationError',
    );
    assert.equal((await manager('PUT', `${STATUSES}/Active`, { enable: 1 })).status, 200);
  });

  it('an agent moves only into an enabled status, and a status an agent is in stays', async () => {
    const lunch = await setAvailability(ada, 'Lunch');
    assert.deepEqual(lunch.body, { message: { availability: 'Lunch' } });
    const refused = await manager('DELETE', `${STATUSES}/Lunch`);
    expectError(refused, 417, 'LinkExistsError');
    assert.match(
      errorMessage(refused.body) ?? '',
      /HD Agent Status Lunch is linked with HD Agent ada@example\.com/,
    );
    assert.equal((await manager('PUT', `${STATUSES}/Away`, { enable: 0 })).status, 200);
    const invalid = await setAvailability(ada, 'Away');
    expectError(invalid, 417, 'ValidationError');
    assert.equal(errorMessage(invalid.body), 'Invalid availability');
    assert.equal((await manager('PUT', `${STATUSES}/Away`, { enable: 1 })).status, 200);
    assert.equal((await setAvailability(ada, 'Active')).status, 200);
    assert.equal((await manager('DELETE', `${STATUSES}/Lunch`)).status, 202);
  });

  it('assignment treats an agent in a custom status by that status’ category', async () => {
    const team = await stack.call('POST', '/api/resource/HD Team', {
      team_name: 'Desk',
      users: [{ user: ADA }, { user: BEN }],
    });
    assert.equal(team.status, 200, JSON.stringify(team.body));
    // Ada moves into Meeting while it is an Active status, then Meeting becomes an Away one:
    // only the copy of the status, not Ada's own events, says she is away.
    const meeting = await manager('POST', STATUSES, {
      agent_status: 'Meeting',
      category: 'Active',
    });
    assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
    assert.equal((await setAvailability(ada, 'Meeting')).status, 200);
    assert.equal((await manager('PUT', `${STATUSES}/Meeting`, { category: 'Away' })).status, 200);
    await waitFor(
      async () => {
        const [copy] = await sql(
          stack,
          `SELECT s.category, a.availability FROM assignment.agent a
             JOIN assignment.agent_status s ON s.name = a.availability WHERE a.name = $1`,
          [ADA],
        );
        const [rule] = await sql(stack, `SELECT 1 FROM assignment.team WHERE name = 'Desk'`);
        return copy?.category === 'Away' && rule !== undefined;
      },
      { what: 'assignment-rule-service to copy Meeting as an Away status, and the Desk team' },
    );
    const tickets: number[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await stack.call('POST', '/api/resource/HD Ticket', {
        subject: `Away test ${i}`,
        agent_group: 'Desk',
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      tickets.push(created.body.data.name as number);
    }
    const assigned = await waitFor(
      async () => {
        const rows = await sql(
          stack,
          `SELECT name, _assign FROM ticket.hd_ticket WHERE name = ANY($1::bigint[])`,
          [tickets],
        );
        const lists = rows.map((row) => row._assign as string[] | null);
        return lists.every((list) => (list ?? []).length > 0) ? lists : undefined;
      },
      { what: 'the Desk tickets to be assigned' },
    );
    assert.deepEqual(
      assigned,
      tickets.map(() => [BEN]),
      'nobody gives Ada work while she is away',
    );
  });
});
