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

  const sidebar = (as: ApiCall, method: string, args: Json) =>
    as('POST', `${TICKET_API}.${method}`, args);

  describe('the sidebar methods', () => {
    it('get_ticket_activities is get_one’s conversation and logs, by viewer', async () => {
      const { status, body } = await sidebar(agent, 'get_ticket_activities', { ticket });
      assert.equal(status, 200, JSON.stringify(body));
      const one = (await getOne(agent)).body.message as Json;
      assert.deepEqual(body.message, {
        comments: one.comments,
        communications: one.communications,
        history: one.history,
        views: one.views,
        calls: [],
      });
      const mine = (await sidebar(customer, 'get_ticket_activities', { ticket })).body.message;
      assert.deepEqual([mine.comments, mine.history], [[], []]);
      assert.equal((await sidebar(stranger, 'get_ticket_activities', { ticket })).status, 403);
    });

    it('get_ticket_contact gives the card, a stand-in, or nothing for no ticket', async () => {
      const card = await sidebar(agent, 'get_ticket_contact', { ticket: String(ticket) });
      assert.deepEqual(card.body.message, {
        name: 'Carol Danvers',
        email_id: CUSTOMER,
        phone: '+1 555',
        mobile_no: '+1 666',
        image: '/files/carol.png',
      });
      const other = await openTicket(admin, { subject: 'No contact', raised_by: 'zed@x.example' });
      const standIn = await sidebar(agent, 'get_ticket_contact', { ticket: other.name });
      assert.deepEqual(standIn.body.message, {
        email_id: 'zed@x.example',
        name: 'zed',
        phone: '',
        mobile_no: '',
        image: '',
      });
      const none = await sidebar(agent, 'get_ticket_contact', { ticket: 999999 });
      assert.equal(none.status, 200);
      assert.equal('message' in none.body, false);
      assert.equal((await sidebar(stranger, 'get_ticket_contact', { ticket })).status, 403);
      assert.equal((await sidebar(agent, 'get_ticket_contact', {})).status, 417);
    });

    it('get_ticket_assignees shows agents’ presence to agents and names to customers', async () => {
      await sql(
        stack,
        `INSERT INTO ticket.people_agent (name, agent_name, user_image, availability,
           availability_changed_on)
         VALUES ($1, 'Avery Agent', '/files/avery.png', 'Away', '2026-11-20T09:00:00Z')`,
        [AGENT],
      );
      await docMethod(admin, ticket, 'assign_agent', { agent: AGENT });
      await docMethod(admin, ticket, 'assign_agent', { agent: 'helper@helpdesk.example' });
      const { status, body } = await sidebar(agent, 'get_ticket_assignees', { ticket });
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body.message, [
        {
          name: AGENT,
          agent_name: 'Avery Agent',
          user_image: '/files/avery.png',
          availability: 'Away',
          availability_changed_on: '2026-11-20 09:00:00.000000',
        },
        { name: 'helper@helpdesk.example' },
      ]);
      const names = await sidebar(customer, 'get_ticket_assignees', { ticket });
      assert.deepEqual(names.body.message, [{ name: AGENT }, { name: 'helper@helpdesk.example' }]);
      assert.equal((await sidebar(stranger, 'get_ticket_assignees', { ticket })).status, 403);
    });

    it('get_recent_similar_tickets: two of the customer’s, then the raiser’s, four at most', async () => {
      const raise = (subject: string, doc: Json) => openTicket(admin, { subject, ...doc });
      const current = await raise('Current', { raised_by: 'dora@acme.example', customer: 'Acme' });
      const acme = [];
      for (const n of [1, 2, 3]) {
        acme.push(await raise(`Acme ${n}`, { raised_by: `p${n}@acme.example`, customer: 'Acme' }));
      }
      const dora = [];
      for (const n of [1, 2, 3]) {
        dora.push(await raise(`Dora ${n}`, { raised_by: 'dora@acme.example' }));
      }
      const { status, body } = await sidebar(agent, 'get_recent_similar_tickets', {
        ticket: current.name,
      });
      assert.equal(status, 200, JSON.stringify(body));
      assert.deepEqual(body.message.similar_tickets, []);
      const recent = body.message.recent_tickets as Json[];
      assert.deepEqual(
        recent.map((t) => t.subject),
        ['Acme 3', 'Acme 2', 'Dora 3', 'Dora 2'],
      );
      assert.deepEqual(Object.keys(recent[0] ?? {}).sort(), [
        'creation',
        'name',
        'status',
        'subject',
      ]);
      const none = await sidebar(agent, 'get_recent_similar_tickets', { ticket: 999999 });
      assert.deepEqual(none.body.message, { recent_tickets: [], similar_tickets: [] });
      assert.equal(
        (await sidebar(stranger, 'get_recent_similar_tickets', { ticket: current.name })).status,
        403,
      );
    });

    it('get_navigation_tickets: the ticket, then up to 40 others, last modified first', async () => {
      const { status, body } = await sidebar(agent, 'get_navigation_tickets', {
        ticket: String(ticket),
        current_view: 'VIEW-HD Ticket-001',
      });
      assert.equal(status, 200, JSON.stringify(body));
      const listed = await agent(
        'GET',
        `${TICKETS}?fields=["name"]&order_by=modified desc&limit_page_length=0`,
      );
      const others = (listed.body.data as Json[]).map((t) => t.name).filter((n) => n !== ticket);
      assert.deepEqual(body.message, [ticket, ...others.slice(0, 40)]);
      const mine = await sidebar(customer, 'get_navigation_tickets', { ticket });
      assert.deepEqual(mine.body.message, [ticket]);
      const broken = await sidebar(agent, 'get_navigation_tickets', { ticket: 'nope' });
      assert.deepEqual(broken.body.message, []);
      assert.deepEqual((await sidebar(agent, 'get_navigation_tickets', {})).body.message, []);
    });
  });

  describe('mark_seen', () => {
    const history = async () =>
      (
        (await admin('POST', '/api/method/helpdesk.api.ticket.get_history', { ticket })).body
          .message as Json[]
      ).length;

    it('records a user’s first view in _seen and the View Log, without touching modified', async () => {
      const fresh = await openTicket(customer, { subject: 'Printer jams' });
      const seen = await docMethod(agent, fresh.name, 'mark_seen');
      assert.equal(seen.status, 200, JSON.stringify(seen.body));
      assert.equal('message' in seen.body, false, 'Frappe omits message for None');
      const [doc] = seen.body.docs as Json[];
      assert.deepEqual(JSON.parse(doc?._seen), [AGENT]);
      assert.equal(doc?.modified, fresh.modified);
      await docMethod(customer, fresh.name, 'mark_seen');
      const both = (await agent('GET', `${TICKETS}/${fresh.name}`)).body.data as Json;
      assert.deepEqual(JSON.parse(both._seen), [AGENT, CUSTOMER]);
      const views = (await getOne(agent, fresh.name)).body.message.views as Json[];
      assert.deepEqual(
        views.map((v) => [v.viewed_by, v.user.name]),
        [
          [CUSTOMER, CUSTOMER],
          [AGENT, 'Avery Agent'],
        ],
      );
      assert.deepEqual(Object.keys(views[0] ?? {}).sort(), [
        'creation',
        'name',
        'user',
        'viewed_by',
      ]);
    });

    it('records nothing when the same user looks again', async () => {
      await docMethod(agent, ticket, 'mark_seen');
      const before = await history();
      for (let i = 0; i < 3; i++) {
        assert.equal((await docMethod(agent, ticket, 'mark_seen')).status, 200);
      }
      assert.equal(await history(), before);
      const views = (await getOne(agent)).body.message.views as Json[];
      assert.equal(views.filter((v) => v.viewed_by === AGENT).length, 1);
    });

    it('lists carry _seen, and a saved-back copy with an older _seen is still accepted', async () => {
      const copy = (await customer('GET', `${TICKETS}/${ticket}`)).body.data as Json;
      await docMethod(customer, ticket, 'mark_seen');
      const saved = await agent('PUT', `${TICKETS}/${ticket}`, {
        ...copy,
        subject: 'VPN drops hourly',
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual(JSON.parse(saved.body.data._seen).sort(), [AGENT, CUSTOMER].sort());
      const list = await agent('POST', '/api/method/helpdesk.api.doc.get_list_data', {
        doctype: 'HD Ticket',
        filters: { name: ticket },
        is_default: 1,
      });
      assert.ok((list.body.message.rows as string[]).includes('_seen'));
      assert.ok(JSON.parse(list.body.message.data[0]._seen).includes(CUSTOMER));
    });

    it('refuses a user who may not read the ticket', async () => {
      const refused = await docMethod(stranger, ticket, 'mark_seen');
      assert.equal(refused.status, 403);
      assert.equal((await docMethod(agent, 999999, 'mark_seen')).status, 404);
    });
  });

  describe('new, delete_ticket and bulk_reply', () => {
    const sentTo = async (name: number) =>
      ((await getOne(admin, name)).body.message.communications as Json[])
        .filter((c) => c.sent_or_received === 'Sent')
        .map((c) => [c.recipients, c.content]);

    it('new raises a portal ticket for the caller, with its attachments on the description', async () => {
      const { status, body } = await customer('POST', `${TICKET_API}.new`, {
        doc: {
          subject: 'Invoice copy',
          description: '<p>Please resend</p>',
          raised_by: 'someone@else.example',
          via_customer_portal: false,
        },
        attachments: ['invoice-scan.pdf', { name: 'receipt.png' }],
      });
      assert.equal(status, 200, JSON.stringify(body));
      const doc = body.message as Json;
      assert.equal(doc.doctype, 'HD Ticket');
      assert.equal(doc.subject, 'Invoice copy');
      assert.equal(doc.raised_by, CUSTOMER);
      assert.equal(doc.owner, CUSTOMER);
      assert.equal(doc.via_customer_portal, 1);
      assert.equal(doc.status, 'Open');
      const [first] = (await getOne(customer, doc.name)).body.message.communications as Json[];
      assert.deepEqual(first?.attachments, [
        { name: 'invoice-scan.pdf', file_url: null, file_name: 'invoice-scan.pdf' },
        { name: 'receipt.png', file_url: null, file_name: 'receipt.png' },
      ]);
      const byAgent = await agent('POST', `${TICKET_API}.new`, { doc: '{"subject": "From JSON"}' });
      assert.equal(byAgent.status, 200, JSON.stringify(byAgent.body));
      assert.equal(byAgent.body.message.raised_by, AGENT);
      assert.equal(byAgent.body.message.via_customer_portal, 1);
    });

    it('new refuses a document without a subject or that is not a document', async () => {
      const unnamed = await customer('POST', `${TICKET_API}.new`, { doc: { description: 'x' } });
      assert.equal(unnamed.status, 417);
      assert.equal(unnamed.body.exc_type, 'MandatoryError');
      assert.equal((await customer('POST', `${TICKET_API}.new`, { doc: 'nope' })).status, 417);
      assert.equal((await customer('POST', `${TICKET_API}.new`, {})).status, 417);
    });

    it('delete_ticket is for the Administrator only', async () => {
      const doomed = await openTicket(customer, { subject: 'Delete me' });
      const refused = await agent('POST', '/api/method/helpdesk.api.ticket.delete_ticket', {
        name: doomed.name,
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.exc_type, 'PermissionError');
      assert.equal(errorMessage(refused.body), 'Only administrators can delete tickets.');
      const deleted = await admin('POST', '/api/method/helpdesk.api.ticket.delete_ticket', {
        name: String(doomed.name),
      });
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.equal('message' in deleted.body, false);
      assert.equal((await admin('GET', `${TICKETS}/${doomed.name}`)).status, 404);
      const again = await admin('POST', '/api/method/helpdesk.api.ticket.delete_ticket', {
        name: doomed.name,
      });
      assert.equal(again.status, 404);
      const unnamed = await admin('POST', '/api/method/helpdesk.api.ticket.delete_ticket', {});
      assert.equal(unnamed.status, 417);
    });

    it('bulk_reply answers each ticket’s raiser once; a failing ticket does not stop the rest', async () => {
      const one = await openTicket(customer, { subject: 'Bulk one' });
      const two = await openTicket(admin, { subject: 'Bulk two', raised_by: 'erin@x.example' });
      const { status, body } = await agent('POST', '/api/method/helpdesk.api.ticket.bulk_reply', {
        ticket_ids: [one.name, 999999, String(one.name), two.name],
        message: '<p>We are on it</p>',
      });
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal('message' in body, false);
      assert.deepEqual(await sentTo(one.name), [[CUSTOMER, '<p>We are on it</p>']]);
      assert.deepEqual(await sentTo(two.name), [['erin@x.example', '<p>We are on it</p>']]);
      const asText = await agent('POST', '/api/method/helpdesk.api.ticket.bulk_reply', {
        ticket_ids: JSON.stringify([two.name]),
        message: 'Second',
      });
      assert.equal(asText.status, 200, JSON.stringify(asText.body));
      assert.equal((await sentTo(two.name)).length, 2);
    });

    it('bulk_reply is for agents only and checks its arguments', async () => {
      const refused = await customer('POST', '/api/method/helpdesk.api.ticket.bulk_reply', {
        ticket_ids: [ticket],
        message: 'hi',
      });
      assert.equal(refused.status, 403);
      assert.equal(errorMessage(refused.body), 'You are not permitted to access this resource.');
      const noMessage = await agent('POST', '/api/method/helpdesk.api.ticket.bulk_reply', {
        ticket_ids: [ticket],
      });
      assert.equal(noMessage.status, 417);
      assert.equal(noMessage.body.exc_type, 'MandatoryError');
      const notList = await agent('POST', '/api/method/helpdesk.api.ticket.bulk_reply', {
        ticket_ids: 'everything',
        message: 'hi',
      });
      assert.equal(notList.status, 417);
    });
  });
});
