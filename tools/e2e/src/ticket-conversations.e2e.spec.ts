import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const TICKETS = '/api/resource/HD%20Ticket';
const COMMUNICATIONS = '/api/resource/Communication';
const COMMENTS = '/api/resource/HD%20Ticket%20Comment';

function listPath(base: string, params: Record<string, unknown>): string {
  const query = new URLSearchParams(
    Object.entries(params).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
  return `${base}?${query.toString()}`;
}

describe('Conversations on a ticket: replies as Communications, internal comments', () => {
  let stack: ApiStack;
  let admin: ApiCall;
  let agent: ApiCall;
  let alice: ApiCall;
  let bob: ApiCall;
  let ticket: number;

  const docMethod = (as: ApiCall, method: string, args: unknown, dn: unknown = ticket) =>
    as('POST', '/api/method/run_doc_method', { dt: 'HD Ticket', dn, method, args });
  const communications = async (as: ApiCall) =>
    (
      await as(
        'GET',
        listPath(COMMUNICATIONS, {
          fields: ['name', 'sent_or_received', 'sender', 'subject', 'content', 'recipients'],
          filters: { reference_doctype: 'HD Ticket', reference_name: String(ticket) },
          order_by: 'communication_date asc',
        }),
      )
    ).body.data as Json[];

  before(async () => {
    stack = await startApiStack('conversations');
    admin = stack.call;
    agent = await stack.as('agent@helpdesk.example', ['Agent']);
    alice = await stack.as('alice@acme.example');
    bob = await stack.as('bob@globex.example');
    const opened = await alice('POST', TICKETS, {
      subject: 'Invoice is wrong',
      description: '<p>The total is off by 10</p>',
    });
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    ticket = opened.body.data.name;
  });

  after(async () => {
    await stack?.stop();
  });

  it('records a new ticket’s description as the customer’s first Communication', async () => {
    const [first, ...rest] = await communications(admin);
    assert.equal(rest.length, 0);
    assert.equal(first?.sent_or_received, 'Received');
    assert.equal(first?.sender, 'alice@acme.example');
    assert.equal(first?.content, '<p>The total is off by 10</p>');
  });

  it('an agent reply is a Sent Communication and the ticket’s first response', async () => {
    const reply = await docMethod(admin, 'reply_via_agent', {
      message: '<p>Looking into it</p>',
      to: 'alice@acme.example',
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal('message' in reply.body, false, 'Frappe omits message for None');
    const [doc] = reply.body.docs as Json[];
    assert.equal(doc?.name, ticket);
    assert.ok(doc?.first_responded_on, 'first_responded_on is set');
    assert.equal(doc?.last_agent_response, doc?.first_responded_on);
    const sent = (await communications(admin)).filter((c) => c.sent_or_received === 'Sent');
    assert.deepEqual(sent, [
      {
        name: sent[0]?.name,
        sent_or_received: 'Sent',
        sender: 'Administrator',
        subject: 'Re: Invoice is wrong',
        content: '<p>Looking into it</p>',
        recipients: 'alice@acme.example',
      },
    ]);
    const last = await docMethod(admin, 'get_last_communication', {});
    assert.equal(last.body.message.name, sent[0]?.name);
  });

  it('a customer reply is Received, sets last_customer_response and reopens the ticket', async () => {
    const resolved = await admin('PUT', `${TICKETS}/${ticket}`, { status: 'Replied' });
    assert.equal(resolved.body.data.status, 'Replied');
    const reply = await docMethod(alice, 'create_communication_via_contact', {
      message: 'Still wrong',
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const [doc] = reply.body.docs as Json[];
    assert.equal(doc?.status, 'Open');
    assert.ok(doc?.last_customer_response);
    const received = (await communications(alice)).filter((c) => c.sent_or_received === 'Received');
    assert.deepEqual(
      received.map((c) => c.content),
      ['<p>The total is off by 10</p>', 'Still wrong'],
    );
  });

  it('customers cannot reply as agents nor touch internal comments', async () => {
    const asAgent = await docMethod(alice, 'reply_via_agent', { message: 'sneaky' });
    assert.equal(asAgent.status, 403);
    assert.equal(asAgent.body.exc_type, 'PermissionError');
    assert.equal((await docMethod(alice, 'new_comment', { content: 'x' })).status, 403);
    assert.equal((await alice('GET', COMMENTS)).status, 403);
    assert.equal(
      (await alice('POST', COMMENTS, { reference_ticket: ticket, content: 'x' })).status,
      403,
    );
  });

  it('another customer sees none of the conversation', async () => {
    assert.equal(
      (await docMethod(bob, 'create_communication_via_contact', { message: 'hi' })).status,
      403,
    );
    assert.deepEqual(await communications(bob), []);
    const [mine] = await communications(admin);
    assert.equal((await bob('GET', `${COMMUNICATIONS}/${mine?.name}`)).status, 403);
    assert.equal((await alice('GET', `${COMMUNICATIONS}/${mine?.name}`)).status, 200);
  });

  it('new_comment adds an internal note listed per ticket', async () => {
    const content =
      '<p>Ask <span data-type="mention" data-id="agent@helpdesk.example" data-label="Agent">@Agent</span></p>';
    const added = await docMethod(admin, 'new_comment', { content });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const listed = await admin(
      'GET',
      listPath(COMMENTS, {
        fields: ['name', 'commented_by', 'content', 'reference_ticket', 'is_pinned'],
        filters: [['reference_ticket', '=', ticket]],
      }),
    );
    assert.equal(listed.status, 200);
    assert.deepEqual(
      (listed.body.data as Json[]).map(({ name: _name, ...rest }) => rest),
      [{ commented_by: 'Administrator', content, reference_ticket: String(ticket), is_pinned: 0 }],
    );
  });

  it('HD Ticket Comment CRUD: the author edits, others may not, a manager deletes', async () => {
    const created = await agent('POST', COMMENTS, { reference_ticket: ticket, content: 'v1' });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const comment = created.body.data as Json;
    assert.equal(comment.commented_by, 'agent@helpdesk.example');
    const edited = await agent('PUT', `${COMMENTS}/${comment.name}`, { content: 'v2' });
    assert.equal(edited.body.data.content, 'v2');
    const saved = await agent('PUT', `${COMMENTS}/${comment.name}`, {
      ...edited.body.data,
      content: 'v3',
    });
    assert.equal(saved.status, 200, 'a whole document saved back is accepted');
    assert.equal(saved.body.data.content, 'v3');
    const moved = await agent('PUT', `${COMMENTS}/${comment.name}`, { reference_ticket: 999 });
    assert.equal(moved.status, 417);
    assert.equal(
      (await admin('PUT', `${COMMENTS}/${comment.name}`, { content: 'no' })).status,
      403,
    );
    const pinned = await admin('PUT', `${COMMENTS}/${comment.name}`, { is_pinned: 1 });
    assert.equal(pinned.status, 200, 'any agent pins a note');
    assert.equal(pinned.body.data.is_pinned, 1);
    const viaSetValue = await admin('POST', '/api/method/frappe.client.set_value', {
      doctype: 'HD Ticket Comment',
      name: comment.name,
      fieldname: 'is_pinned',
      value: 0,
    });
    assert.equal(viaSetValue.status, 200, JSON.stringify(viaSetValue.body));
    assert.equal(viaSetValue.body.message.is_pinned, 0);
    assert.equal((await admin('DELETE', `${COMMENTS}/${comment.name}`)).status, 202);
    assert.equal((await agent('GET', `${COMMENTS}/${comment.name}`)).status, 404);
  });

  it('bad calls get Frappe errors and change nothing', async () => {
    const before = (await communications(admin)).length;
    const missing = await docMethod(admin, 'reply_via_agent', {});
    assert.equal(missing.status, 417);
    assert.equal(missing.body.exc_type, 'MandatoryError');
    const malformed = await admin('POST', '/api/method/run_doc_method', {
      dt: 'HD Ticket',
      dn: ticket,
      method: 'reply_via_agent',
      args: '{"message": ',
    });
    assert.equal(malformed.status, 417);
    assert.equal((await docMethod(admin, 'drop_everything', {})).status, 403);
    assert.equal((await docMethod(admin, 'reply_via_agent', { message: 'x' }, 987654)).status, 404);
    const noDoctype = await admin('POST', '/api/method/run_doc_method', { method: 'x' });
    assert.equal(noDoctype.status, 417);
    assert.equal((await admin('POST', '/api/method/no.such.method', {})).status, 404);
    assert.equal((await communications(admin)).length, before);
  });

  it('deleting the ticket removes its conversation', async () => {
    assert.equal((await admin('DELETE', `${TICKETS}/${ticket}`)).status, 202);
    assert.deepEqual(await communications(admin), []);
    const comments = await admin(
      'GET',
      listPath(COMMENTS, { filters: [['reference_ticket', '=', ticket]] }),
    );
    assert.deepEqual(comments.body.data, []);
  });
});
