import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const TICKETS = '/api/resource/HD%20Ticket';
const HISTORY = '/api/method/helpdesk.api.ticket.get_history';

describe('Ticket history and as_of, folded from the event log', () => {
  let stack: ApiStack;
  let admin: ApiCall;
  let customer: ApiCall;
  let stranger: ApiCall;
  let ticket: number;
  let opened: Json;

  before(async () => {
    stack = await startApiStack('history');
    admin = stack.call;
    customer = await stack.as('dana@acme.example');
    stranger = await stack.as('eve@globex.example');
    const created = await customer('POST', TICKETS, {
      subject: 'Export fails',
      description: '<p>CSV export times out</p>',
    });
    opened = created.body.data as Json;
    ticket = opened.name;
    await admin('PUT', `${TICKETS}/${ticket}`, { priority: 'High' });
    await admin('POST', '/api/method/run_doc_method', {
      dt: 'HD Ticket',
      dn: ticket,
      method: 'new_comment',
      args: { content: '<p>Probably the 30s proxy timeout</p>' },
    });
    await admin('POST', '/api/method/run_doc_method', {
      dt: 'HD Ticket',
      dn: ticket,
      method: 'reply_via_agent',
      args: { message: 'We are on it' },
    });
    await admin('PUT', `${TICKETS}/${ticket}`, { status: 'Resolved' });
  });

  after(async () => {
    await stack?.stop();
  });

  it('lists every fact with who and when, internal notes for agents only', async () => {
    const { status, body } = await admin('POST', HISTORY, { ticket });
    assert.equal(status, 200, JSON.stringify(body));
    const timeline = body.message as Json[];
    assert.deepEqual(
      timeline.map((entry) => entry.event),
      [
        'opened',
        'customer-replied',
        'priority-changed',
        'comment-added',
        'agent-replied',
        'status-changed',
      ],
    );
    assert.deepEqual(
      timeline.map((entry) => entry.version),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(timeline[0]?.by, 'dana@acme.example');
    assert.equal(timeline[0]?.at, opened.creation);
    assert.equal(timeline[2]?.by, 'Administrator');
    assert.equal(timeline[2]?.data.priority, 'High');
    assert.equal(timeline[5]?.data.from, 'Open');
    assert.equal(timeline[5]?.data.to, 'Resolved');

    const asCustomer = await customer('POST', HISTORY, { ticket: String(ticket) });
    assert.equal(asCustomer.status, 200);
    assert.ok(!asCustomer.body.message.some((entry: Json) => entry.event === 'comment-added'));
  });

  it('as_of now is the document the API serves; as_of its creation is the opened ticket', async () => {
    const current = (await admin('GET', `${TICKETS}/${ticket}`)).body.data as Json;
    const now = await admin('POST', HISTORY, { ticket, as_of: current.modified });
    assert.equal(now.status, 200, JSON.stringify(now.body));
    assert.deepEqual(now.body.message, current);

    const atCreation = await admin('POST', HISTORY, { ticket, as_of: opened.creation });
    const then = atCreation.body.message as Json;
    assert.equal(then.priority, opened.priority);
    assert.equal(then.status, 'Open');
    assert.equal(then.first_responded_on, null);
    assert.equal(then.modified, opened.modified);
  });

  it('refuses what it cannot answer, with Frappe errors', async () => {
    const before = await admin('POST', HISTORY, { ticket, as_of: '2001-01-01 00:00:00' });
    assert.equal(before.status, 404);
    const garbage = await admin('POST', HISTORY, { ticket, as_of: 'yesterday-ish' });
    assert.equal(garbage.status, 417);
    assert.equal((await stranger('POST', HISTORY, { ticket })).status, 403);
    assert.equal((await admin('POST', HISTORY, { ticket: 999999 })).status, 404);
    const missing = await admin('POST', HISTORY, {});
    assert.equal(missing.status, 417);
    assert.equal(missing.body.exc_type, 'MandatoryError');
  });
});
