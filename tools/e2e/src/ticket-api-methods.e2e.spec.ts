import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import {
  TICKETS,
  TICKET_API,
  docMethod,
  errorMessage,
  openTicket,
  sql,
} from './support/ticket-api-calls.js';

const AGENT = 'agent@helpdesk.example';
const CUSTOMER = 'carol@acme.example';

describe('HD Ticket API: get_one and the ticket sidebar methods', () => {
  let stack: ApiStack;
  let admin: ApiCall;
  let agent: ApiCall;
  let customer: ApiCall;
  let stranger: ApiCall;
  let ticket: number;

  before(async () => {
    stack = await startApiStack('ticket-api');
    admin = stack.call;
    agent = await stack.as(AGENT, ['Agent']);
    customer = await stack.as(CUSTOMER);
    stranger = await stack.as('mallory@globex.example');
    ticket = (
      await openTicket(customer, { subject: 'VPN drops', description: '<p>Every hour</p>' })
    ).name;
    await sql(
      stack,
      `INSERT INTO ticket.people_user (name, full_name, user_image) VALUES ($1, 'Avery Agent', '/files/avery.png')`,
      [AGENT],
    );
    const saved = await agent('PUT', `${TICKETS}/${ticket}`, {
      status: 'Replied',
      priority: 'High',
      agent_group: 'Billing',
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    await agent('PUT', `${TICKETS}/${ticket}`, { agent_group: '' });
    await docMethod(agent, ticket, 'new_comment', { content: '<p>Check the tunnel MTU</p>' });
    await docMethod(agent, ticket, 'reply_via_agent', { message: '<p>Try now</p>', to: CUSTOMER });
  });

  after(async () => {
    await stack?.stop();
  });

  const getOne = (as: ApiCall, name: unknown = ticket) =>
    as('POST', `${TICKET_API}.get_one`, { name });

  describe('get_one', () => {
    it('returns every column with the conversation, the activity log and the form', async () => {
      const { status, body } = await getOne(agent);
      assert.equal(status, 200, JSON.stringify(body));
      const doc = body.message as Json;
      const resource = (await agent('GET', `${TICKETS}/${ticket}`)).body.data as Json;
      // `contact` and `template` are replaced by the contact card and the template's form.
      const { doctype: _doctype, contact: _contact, template: _template, ...columns } = resource;
      for (const [field, value] of Object.entries(columns)) {
        assert.deepEqual(doc[field], value, `column ${field}`);
      }
      assert.equal('doctype' in doc, false);
      assert.deepEqual(doc.tags, []);
      assert.deepEqual(doc.calls, []);
      assert.equal(doc._form_script, null);
      assert.deepEqual(doc.template, {
        about: null,
        fields: [],
        description_template: null,
        _form_script: null,
      });
      assert.deepEqual(
        (doc.fields as Json[]).map((f) => [f.fieldname, f.fieldtype, f.options, f.label]),
        [
          ['priority', 'Link', 'HD Ticket Priority', 'Priority'],
          ['ticket_type', 'Link', 'HD Ticket Type', 'Ticket Type'],
          ['agent_group', 'Link', 'HD Team', 'Team'],
          ['customer', 'Link', 'HD Customer', 'Customer'],
        ],
      );
    });

    it('words the history as Frappe’s activity log, newest first, with who did it', async () => {
      const history = (await getOne(agent)).body.message.history as Json[];
      assert.deepEqual(
        history.map((h) => h.action),
        ['cleared team', 'set status to Replied', 'set team to Billing', 'set priority to High'],
      );
      const [latest] = history;
      assert.deepEqual(Object.keys(latest ?? {}).sort(), [
        'action',
        'creation',
        'name',
        'owner',
        'user',
      ]);
      assert.equal(latest?.owner, AGENT);
      assert.deepEqual(latest?.user, {
        email: AGENT,
        image: '/files/avery.png',
        name: 'Avery Agent',
      });
    });

    it('lists comments and communications oldest first with avatars and attachments', async () => {
      const doc = (await getOne(agent)).body.message as Json;
      const [comment] = doc.comments as Json[];
      assert.deepEqual(
        { ...comment, name: undefined, creation: undefined },
        {
          commented_by: AGENT,
          content: '<p>Check the tunnel MTU</p>',
          creation: undefined,
          is_pinned: 0,
          name: undefined,
          attachments: [],
          user: { email: AGENT, image: '/files/avery.png', name: 'Avery Agent' },
        },
      );
      const communications = doc.communications as Json[];
      assert.deepEqual(
        communications.map((c) => [c.sent_or_received, c.sender, c.content, c.user]),
        [
          [
            'Received',
            CUSTOMER,
            '<p>Every hour</p>',
            { email: CUSTOMER, image: '', name: CUSTOMER },
          ],
          [
            'Sent',
            AGENT,
            '<p>Try now</p>',
            { email: AGENT, image: '/files/avery.png', name: 'Avery Agent' },
          ],
        ],
      );
      for (const field of ['bcc', 'cc', 'creation', 'communication_date', 'name', 'recipients']) {
        assert.ok(field in (communications[1] ?? {}), `communication has ${field}`);
      }
      assert.equal(communications[1]?.subject, 'Re: VPN drops');
      assert.deepEqual(communications[1]?.attachments, []);
    });

    it('shows the contact card, or a stand-in made from raised_by', async () => {
      const standIn = (await getOne(agent)).body.message.contact;
      assert.deepEqual(standIn, { email_id: CUSTOMER, name: 'carol' });
      await sql(
        stack,
        `INSERT INTO ticket.people_contact (name, full_name, email_id, phone, mobile_no, image,
           company_name, user_id)
         VALUES ('Carol Danvers', 'Carol Danvers', $1, '+1 555', '+1 666', '/files/carol.png',
           'Acme', $1)`,
        [CUSTOMER],
      );
      await agent('PUT', `${TICKETS}/${ticket}`, { contact: 'Carol Danvers' });
      assert.deepEqual((await getOne(agent)).body.message.contact, {
        company_name: 'Acme',
        email_id: CUSTOMER,
        image: '/files/carol.png',
        mobile_no: '+1 666',
        name: 'Carol Danvers',
        phone: '+1 555',
      });
    });

    it('gives the customer their ticket without internal notes or the activity log', async () => {
      const { status, body } = await getOne(customer, String(ticket));
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body.message.comments, []);
      assert.deepEqual(body.message.history, []);
      assert.equal((body.message.communications as Json[]).length, 2);
    });

    it('refuses what the caller may not see, a missing ticket and a missing name', async () => {
      const hidden = await getOne(stranger);
      assert.equal(hidden.status, 403);
      assert.equal(hidden.body.exc_type, 'PermissionError');
      const missing = await getOne(admin, 987654);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.exc_type, 'DoesNotExistError');
      assert.equal(errorMessage(missing.body), 'Ticket not found');
      assert.equal((await getOne(admin, 'no-such-ticket')).status, 404);
      const unnamed = await admin('POST', `${TICKET_API}.get_one`, {});
      assert.equal(unnamed.status, 417);
      assert.equal(unnamed.body.exc_type, 'MandatoryError');
      const extra = await admin('POST', `${TICKET_API}.get_one`, { name: ticket, drop: 1 });
      assert.equal(extra.status, 417);
    });
  });
});
