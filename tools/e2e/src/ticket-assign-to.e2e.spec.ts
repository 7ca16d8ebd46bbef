import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { openTicket, TICKETS } from './support/ticket-api-calls.js';

const ADD = '/api/method/frappe.desk.form.assign_to.add';
const REMOVE = '/api/method/frappe.desk.form.assign_to.remove';
const ANN = 'ann@example.com';
const DAN = 'dan@example.com';

describe("Frappe's assign_to.add and assign_to.remove on HD Ticket", () => {
  let stack: ApiStack;
  let db: pg.Client;
  let ann: ApiCall;

  const newTicket = async () =>
    (await openTicket(stack.call, { subject: 'Printer on fire', raised_by: 'cat@customer.com' }))
      .name as number;

  async function assignees(ticket: number): Promise<string[]> {
    const read = await stack.call('GET', `${TICKETS}/${ticket}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    return JSON.parse((read.body.data._assign as string | null) ?? '[]') as string[];
  }

  before(async () => {
    stack = await startApiStack('assignto');
    db = new pg.Client({ connectionString: stack.db.url });
    await db.connect();
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: [ANN, DAN],
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    ann = await stack.keysOf(ANN);
    // Assignees are checked against ticket-service's copy of people: wait until it has both.
    await waitFor(
      async () => {
        const { rowCount } = await db.query(
          `SELECT 1 FROM ticket.people_agent WHERE name = ANY($1)`,
          [[ANN, DAN]],
        );
        return rowCount === 2 ? true : undefined;
      },
      { what: "ticket-service's people copy of both agents" },
    );
  });

  after(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('adds users in order, skips those already assigned and removes one', async () => {
    const ticket = await newTicket();
    const added = await stack.call('POST', ADD, {
      doctype: 'HD Ticket',
      name: String(ticket),
      assign_to: [ANN, DAN],
      description: 'Have a look',
      priority: 'High',
    });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.deepEqual(added.body.message, [
      { owner: ANN, name: null },
      { owner: DAN, name: null },
    ]);
    assert.deepEqual(await assignees(ticket), [ANN, DAN]);

    // As a form client sends it: the list as JSON text.
    const again = await stack.call('POST', ADD, {
      doctype: 'HD Ticket',
      name: ticket,
      assign_to: JSON.stringify([DAN, ANN]),
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.deepEqual(
      again.body.message.map((row: Json) => row.owner),
      [ANN, DAN],
    );
    assert.deepEqual(await assignees(ticket), [ANN, DAN]);

    // Ann goes; removing her again changes nothing and answers the same.
    for (const attempt of ['first', 'again']) {
      const removed = await stack.call('POST', REMOVE, {
        doctype: 'HD Ticket',
        name: ticket,
        assign_to: ANN,
      });
      assert.equal(removed.status, 200, `${attempt}: ${JSON.stringify(removed.body)}`);
      assert.deepEqual(removed.body.message, [{ owner: DAN, name: null }], attempt);
      assert.deepEqual(await assignees(ticket), [DAN], attempt);
    }
  });

  it("finds the ticket for the assignee with get_list_data's %@me% on _assign", async () => {
    const ticket = await newTicket();
    const added = await ann('POST', ADD, { doctype: 'HD Ticket', name: ticket, assign_to: ANN });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const mine = async (as: ApiCall) => {
      const listed = await as('POST', '/api/method/helpdesk.api.doc.get_list_data', {
        doctype: 'HD Ticket',
        filters: [['_assign', 'like', '%@me%']],
        page_length: 100,
      });
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      return (listed.body.message.data as Json[]).map((row) => row.name as number);
    };
    assert.ok((await mine(ann)).includes(ticket));
    assert.ok(!(await mine(stack.call)).includes(ticket));
  });

  it('refuses an unknown user before assigning anyone', async () => {
    const ticket = await newTicket();
    const refused = await stack.call('POST', ADD, {
      doctype: 'HD Ticket',
      name: ticket,
      assign_to: [ANN, 'nobody@example.com'],
    });
    assert.equal(refused.status, 417, JSON.stringify(refused.body));
    assert.equal(refused.body.exc_type, 'LinkValidationError');
    const messages = JSON.parse(refused.body._server_messages as string) as string[];
    assert.equal(
      JSON.parse(messages[0]!).message,
      'Could not find Allocated To: nobody@example.com',
    );
    assert.deepEqual(await assignees(ticket), []);
  });

  it('refuses customers, unknown tickets, other DocTypes and a missing assign_to', async () => {
    const ticket = await newTicket();
    const customer = await stack.as('cat@customer.com');
    const own = { doctype: 'HD Ticket', name: ticket };
    const asCustomer = await customer('POST', ADD, { ...own, assign_to: [ANN] });
    assert.equal(asCustomer.status, 403, JSON.stringify(asCustomer.body));
    assert.equal((await customer('POST', REMOVE, { ...own, assign_to: ANN })).status, 403);

    const unknown = { doctype: 'HD Ticket', name: 999999 };
    assert.equal((await stack.call('POST', ADD, { ...unknown, assign_to: [ANN] })).status, 404);
    assert.equal((await stack.call('POST', REMOVE, { ...unknown, assign_to: ANN })).status, 404);

    const todo = await stack.call('POST', ADD, { doctype: 'ToDo', name: 'x', assign_to: [ANN] });
    assert.equal(todo.status, 417, JSON.stringify(todo.body));
    assert.equal(todo.body.exc_type, 'ValidationError');
    assert.equal(
      (await stack.call('POST', REMOVE, { doctype: 'HD Agent', name: ANN, assign_to: ANN })).status,
      417,
    );

    const missing = await stack.call('POST', ADD, own);
    assert.equal(missing.status, 417, JSON.stringify(missing.body));
    assert.equal(missing.body.exc_type, 'MandatoryError');
    assert.deepEqual(await assignees(ticket), []);
  });
});
