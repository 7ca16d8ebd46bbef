import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { errorMessage, openTicket } from './support/ticket-api-calls.js';

const REPLIES = '/api/resource/HD%20Saved%20Reply';
const RENDER = '/api/method/helpdesk.api.saved_replies.get_rendered_saved_reply';

/** HD Saved Reply's scopes and rendering through the gateway, templates kept in their sandbox. */
describe('saved replies through the gateway', () => {
  let stack: ApiStack;
  let billingAgent: ApiCall;
  let salesAgent: ApiCall;
  let manager: ApiCall;
  let customer: ApiCall;
  let ticket: Json;

  const titlesSeenBy = async (as: ApiCall) =>
    ((await as('GET', `${REPLIES}?fields=["title"]&limit_page_length=0`)).body.data as Json[])
      .map((row) => row.title as string)
      .sort();

  const reply = async (as: ApiCall, doc: Json) => {
    const created = await as('POST', REPLIES, doc);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    return created.body.data as Json;
  };

  before(async () => {
    stack = await startApiStack(
      'saved-replies',
      { HELPDESK_RATE_LIMITS: 'off' },
      { knowledge: true },
    );
    billingAgent = await stack.as('bill@agents.example', ['Agent']);
    salesAgent = await stack.as('sal@agents.example', ['Agent']);
    manager = await stack.as('boss@agents.example', ['Agent', 'Agent Manager']);
    customer = await stack.as('carla@customers.example');
    for (const [team, user] of [
      ['Billing', 'bill@agents.example'],
      ['Sales', 'sal@agents.example'],
    ]) {
      const made = await stack.call('POST', '/api/resource/HD Team', {
        team_name: team,
        users: [{ user }],
      });
      assert.equal(made.status, 200, JSON.stringify(made.body));
    }
    ticket = await openTicket(customer, {
      subject: 'Refund <script>alert(1)</script>',
      description: 'Please refund order 1234',
    });
    await reply(stack.call, {
      title: 'Thanks',
      message: '<p>Dear {{ raised_by }}, about "{{ subject }}": {{ full_name }} is on it.</p>',
    });
    await reply(manager, {
      title: 'Billing only',
      message: 'Billing says hi',
      scope: 'Team',
      teams: [{ team: 'Billing' }],
    });
    await reply(billingAgent, { title: 'Mine', message: 'Personal note', scope: 'Personal' });
  });
  after(() => stack?.stop());

  it('a Team reply names its team; a Team reply without one is refused', async () => {
    const read = await manager('GET', `${REPLIES}/Billing only`);
    assert.deepEqual(
      (read.body.data.teams as Json[]).map((row) => [row.team, row.parentfield]),
      [['Billing', 'teams']],
    );
    const teamless = await manager('POST', REPLIES, { title: 'X', message: 'y', scope: 'Team' });
    assert.equal(teamless.status, 417);
    const duplicate = await manager('POST', REPLIES, { title: 'Thanks', message: 'again' });
    assert.equal(duplicate.status, 409);
  });

  it('each agent sees Global, Team (unrestricted) and their own Personal replies', async () => {
    assert.deepEqual(await titlesSeenBy(billingAgent), ['Billing only', 'Mine', 'Thanks']);
    assert.deepEqual(await titlesSeenBy(salesAgent), ['Billing only', 'Thanks']);
    assert.deepEqual(await titlesSeenBy(manager), ['Billing only', 'Thanks']);
    assert.equal((await salesAgent('GET', `${REPLIES}/Mine`)).status, 403);
    assert.equal((await customer('GET', REPLIES)).status, 403);
  });

  it('renders with the ticket and the agent, values escaped', async () => {
    const rendered = await billingAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Thanks',
    });
    assert.equal(rendered.status, 200, JSON.stringify(rendered.body));
    assert.match(
      rendered.body.message,
      /^<p>Dear carla@customers.example, about "Refund &lt;script&gt;/,
    );
    assert.match(rendered.body.message, / is on it\.<\/p>$/);
    assert.doesNotMatch(rendered.body.message, /<script>/);
  });

  it('refuses callers and arguments as Frappe does', async () => {
    assert.equal(
      (await customer('POST', RENDER, { ticket_id: ticket.name, saved_reply_id: 'Thanks' })).status,
      403,
    );
    const missing = await billingAgent('POST', RENDER, { ticket_id: ticket.name });
    assert.equal(missing.status, 417);
    assert.equal(errorMessage(missing.body), 'Please provide saved_reply_id');
    const unknown = await billingAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Nope',
    });
    assert.equal(unknown.status, 404);
    const other = await salesAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Mine',
    });
    assert.equal(other.status, 403);
  });

  it('a broken template is a 417 with the message; an escape attempt or endless loop changes nothing', async () => {
    await reply(manager, { title: 'Broken', message: 'Hello {{ subject ' });
    const broken = await billingAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Broken',
    });
    assert.equal(broken.status, 417);
    assert.match(String(errorMessage(broken.body)), /expected variable end/);

    await reply(manager, {
      title: 'Escape',
      message:
        '{{ range.constructor("return process")().exit(1) }}{{ subject.constructor.constructor("return process")().pid }}',
    });
    const escape = await billingAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Escape',
    });
    assert.ok(escape.status === 417 || escape.status === 200, JSON.stringify(escape.body));
    const said =
      escape.status === 200 ? String(escape.body.message) : String(errorMessage(escape.body));
    assert.doesNotMatch(said, /\d{3,}|function|native code|\[object/, 'no pid, no function source');

    await reply(manager, {
      title: 'Endless',
      message:
        '{% for i in range(10000) %}{% for j in range(10000) %}{% for k in range(10000) %}{% endfor %}{% endfor %}{% endfor %}',
    });
    const endless = await billingAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Endless',
    });
    assert.equal(endless.status, 417);
    assert.equal(errorMessage(endless.body), 'Template took too long to render');

    const knowledge = stack.apps.get('knowledge-service')!;
    assert.equal((await fetch(`${knowledge.url}/health/ready`)).status, 200);
    const again = await billingAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Thanks',
    });
    assert.equal(again.status, 200);
  });

  it('only the owner or a manager changes a reply', async () => {
    const foreign = await salesAgent('PUT', `${REPLIES}/Thanks`, { message: 'hijacked' });
    assert.equal(foreign.status, 403);
    const own = await billingAgent('PUT', `${REPLIES}/Mine`, { message: 'Personal note, edited' });
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.equal(own.body.data.message, 'Personal note, edited');
    assert.equal((await manager('PUT', `${REPLIES}/Thanks`, { title: 'Thanks!' })).status, 200);
  });

  it('with restrict-by-team on, a Team reply is for its teams only; Global can be switched off', async () => {
    const changed = await stack.call('PUT', '/api/resource/HD%20Settings/HD%20Settings', {
      restrict_tickets_by_agent_group: 1,
      disable_saved_replies_global_scope: 1,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    // The settings and the team members reach knowledge-service as their owners' events.
    await waitFor(
      async () =>
        (await titlesSeenBy(salesAgent)).length === 0 &&
        (await titlesSeenBy(billingAgent)).includes('Billing only'),
      { what: 'the settings and team changes to reach knowledge-service' },
    );
    assert.deepEqual(await titlesSeenBy(salesAgent), []);
    assert.deepEqual(await titlesSeenBy(billingAgent), ['Billing only', 'Mine']);
    assert.ok((await titlesSeenBy(manager)).includes('Thanks!'), 'managers keep Global replies');
    const refused = await salesAgent('POST', RENDER, {
      ticket_id: ticket.name,
      saved_reply_id: 'Billing only',
    });
    assert.equal(refused.status, 403);
  });
});
