import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';
import { connectClient, type RealtimeClient } from './support/realtime-clients.js';

const A = 'ann@alpha.example';
const B = 'ben@beta.example';
const X = 'xena@example.com'; // agent in Team X
const OUT = 'otto@example.com'; // agent in Team Y
const LEAD = 'lena@example.com'; // Agent Manager, not System Manager

const TICKETS = '/api/resource/HD%20Ticket';
const method = (name: string) => `/api/method/${name}`;
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const TICKET_API = 'helpdesk.helpdesk.doctype.hd_ticket.api';

/** Past Frappe Helpdesk permission bugs, one test each, so none comes back. */
describe('permission regressions', () => {
  let stack: ApiStack;
  const as = new Map<string, ApiCall>();
  let ticketA = '';
  let ticketB = '';
  let commentA = '';
  let communicationA = '';
  let contactB = '';
  const clients: RealtimeClient[] = [];

  async function ok(caller: ApiCall, verb: string, path: string, body?: unknown): Promise<Json> {
    const answer = await caller(verb, path, body);
    assert.ok(
      answer.status < 300,
      `${verb} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
    return answer.body;
  }

  /** Refused: forbidden, not found, or rejected as invalid before anything happened. */
  function refused(answer: { status: number; body: Json }, what: string): void {
    assert.ok(
      [403, 404, 417].includes(answer.status),
      `${what}: expected a refusal, got ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }

  const names = (rows: Json[]) => rows.map((row) => String(row.name)).sort();

  async function customer(email: string, company: string): Promise<string> {
    await ok(stack.call, 'POST', '/api/resource/User', { email, roles: [{ role: 'HD Customer' }] });
    const contact = await ok(stack.call, 'POST', '/api/resource/Contact', {
      first_name: email.split('@')[0],
      email_ids: [{ email_id: email, is_primary: 1 }],
    });
    await ok(stack.call, 'POST', '/api/resource/HD Customer', {
      customer_name: company,
      contacts: [{ contact_name: contact.data.name }],
    });
    as.set(email, await stack.keysOf(email));
    return contact.data.name as string;
  }

  async function rolesOf(user: string): Promise<string[]> {
    const read = await ok(stack.call, 'GET', `/api/resource/User/${encodeURIComponent(user)}`);
    return (read.data.roles as Json[]).map((row) => row.role as string).sort();
  }

  before(async () => {
    stack = await startApiStack(
      'permregress',
      { HELPDESK_RATE_LIMITS: 'off' },
      { realtimeReplicas: 1 },
    );
    await ok(stack.call, 'POST', method('helpdesk.api.agent.sent_invites'), {
      emails: [X, OUT],
      send_welcome_mail_to_user: false,
    });
    await ok(stack.call, 'POST', '/api/resource/User', {
      email: LEAD,
      roles: [{ role: 'Agent Manager' }],
    });
    await ok(stack.call, 'POST', '/api/resource/HD Agent', { user: LEAD, agent_name: 'Lena' });
    await ok(stack.call, 'POST', '/api/resource/HD Team', {
      team_name: 'Team X',
      users: [{ user: X }],
    });
    await ok(stack.call, 'POST', '/api/resource/HD Team', {
      team_name: 'Team Y',
      users: [{ user: OUT }],
    });
    await customer(A, 'Alpha');
    contactB = await customer(B, 'Beta');
    for (const agent of [X, OUT, LEAD]) as.set(agent, await stack.keysOf(agent));
    await ok(stack.call, 'PUT', '/api/resource/HD Settings/HD Settings', {
      restrict_tickets_by_agent_group: 1,
    });
    const opened = await ok(as.get(A)!, 'POST', TICKETS, {
      subject: 'Alpha’s question',
      description: 'private details of Alpha',
    });
    ticketA = String(opened.data.name);
    await ok(stack.call, 'PUT', `${TICKETS}/${ticketA}`, { agent_group: 'Team X' });
    const openedB = await ok(as.get(B)!, 'POST', TICKETS, { subject: 'Beta’s question' });
    ticketB = String(openedB.data.name);
    await ok(stack.call, 'PUT', `${TICKETS}/${ticketB}`, { agent_group: 'Team Y' });
    await waitFor(
      async () => (await as.get(X)!('GET', `${TICKETS}/${ticketA}`)).status === 200 || undefined,
      { what: 'agent X to see Team X’s ticket' },
    );
    await ok(as.get(X)!, 'POST', method('run_doc_method'), {
      dt: 'HD Ticket',
      dn: ticketA,
      method: 'new_comment',
      args: { content: '<p>internal: Alpha owes us money</p>' },
    });
    await ok(as.get(X)!, 'POST', method('run_doc_method'), {
      dt: 'HD Ticket',
      dn: ticketA,
      method: 'reply_via_agent',
      args: { message: 'we are on it' },
    });
    const comments = await ok(
      stack.call,
      'GET',
      `/api/resource/HD Ticket Comment?filters=${q({ reference_ticket: ticketA })}`,
    );
    commentA = comments.data[0].name as string;
    const communications = await ok(
      stack.call,
      'GET',
      `/api/resource/Communication?filters=${q({ reference_name: ticketA })}`,
    );
    communicationA = communications.data[0].name as string;
  });

  after(async () => {
    for (const client of clients) client.close();
    await stack?.stop();
  });

  it('a customer lists only their own tickets, however the list is asked for', async () => {
    const ben = as.get(B)!;
    const list = async (query: string) => {
      const answer = await ben('GET', `${TICKETS}?${query}`);
      assert.equal(answer.status, 200, `${query}: ${JSON.stringify(answer.body)}`);
      return answer.body.data as Json[];
    };
    assert.deepEqual(names(await list('')), [ticketB]);
    assert.deepEqual(names(await list(`fields=${q(['*'])}`)), [ticketB]);
    assert.deepEqual(await list(`filters=${q({ raised_by: A })}`), []);
    assert.deepEqual(await list(`filters=${q([['name', '=', ticketA]])}`), []);
    assert.deepEqual(await list(`filters=${q([['raised_by', '!=', B]])}`), []);
    assert.deepEqual(
      names(
        await list(
          `or_filters=${q([
            ['name', '=', ticketA],
            ['raised_by', 'like', '%'],
          ])}`,
        ),
      ),
      [ticketB],
    );
    assert.deepEqual(names(await list(`or_filters=${q({ raised_by: A, name: ticketA })}`)), []);
    assert.deepEqual(names(await list(`limit_page_length=0&order_by=name asc`)), [ticketB]);
    const grouped = await list(
      `fields=${q(['raised_by', 'count(name) as count'])}&group_by=raised_by`,
    );
    assert.deepEqual(grouped, [{ raised_by: B, count: 1 }]);
    const counted = await list(`fields=${q(['count(name) as count'])}`);
    assert.deepEqual(counted, [{ count: 1 }]);

    // Fields, grouping and ordering that try to reach other rows or tables: refused (4xx), or
    // answered from Ben's rows alone.
    for (const trick of [
      `fields=${q(['name', "(select string_agg(subject, ',') from ticket.tickets) as x"])}`,
      `fields=${q(['name', '`tabHD Ticket Comment`.content'])}`,
      `fields=${q(['name', 'comments.content'])}`,
      `fields=${q(['name'])}&group_by=${encodeURIComponent('raised_by union select subject from ticket.tickets')}`,
      `fields=${q(['name'])}&order_by=${encodeURIComponent('(select subject from ticket.tickets limit 1)')}`,
      `fields=${q(['name', 'description'])}&filters=${q([['HD Ticket Comment', 'content', 'like', '%']])}`,
    ]) {
      const answer = await ben('GET', `${TICKETS}?${trick}`);
      const text = JSON.stringify(answer.body);
      assert.ok(answer.status < 500, `${trick}: ${answer.status} ${text}`);
      assert.ok(!/Alpha|internal/.test(text), `${trick} leaks: ${text}`);
      if (answer.status === 200)
        assert.ok(
          (answer.body.data as Json[]).every(
            (row) => row.name === undefined || String(row.name) === ticketB,
          ),
          `${trick}: ${text}`,
        );
    }

    const viaClient = await ok(ben, 'POST', method('frappe.client.get_list'), {
      doctype: 'HD Ticket',
      fields: ['name', 'raised_by'],
      or_filters: [['raised_by', '=', A]],
      limit_page_length: 0,
    });
    assert.deepEqual(viaClient.message, []);
    const count = await ok(ben, 'POST', method('frappe.client.get_count'), {
      doctype: 'HD Ticket',
    });
    assert.equal(count.message, 1);
    const reportCount = await ok(ben, 'POST', method('frappe.desk.reportview.get_count'), {
      doctype: 'HD Ticket',
      filters: { raised_by: A },
    });
    assert.equal(reportCount.message, 0);
    const value = await ok(ben, 'POST', method('frappe.client.get_value'), {
      doctype: 'HD Ticket',
      fieldname: ['subject', 'description'],
      filters: { raised_by: A },
    });
    assert.equal(value.message ?? undefined, undefined, JSON.stringify(value));

    const listData = await ok(ben, 'POST', method('helpdesk.api.doc.get_list_data'), {
      doctype: 'HD Ticket',
      filters: {},
      show_customer_portal_fields: true,
    });
    assert.deepEqual(names(listData.message.data), [ticketB]);
    assert.equal(listData.message.total_count, 1);
    const widened = await ok(ben, 'POST', method('helpdesk.api.doc.get_list_data'), {
      doctype: 'HD Ticket',
      filters: [['raised_by', '=', A]],
      default_filters: { raised_by: A },
    });
    assert.deepEqual(widened.message.data, []);
    assert.equal(widened.message.total_count, 0);
  });

  it('client-supplied ignore_permissions is ignored for anyone but Administrator', async () => {
    const ben = as.get(B)!;
    const listed = await ok(ben, 'GET', `${TICKETS}?ignore_permissions=1&limit_page_length=0`);
    assert.deepEqual(names(listed.data), [ticketB]);
    const viaClient = await ok(ben, 'POST', method('frappe.client.get_list'), {
      doctype: 'HD Ticket',
      ignore_permissions: true,
      limit_page_length: 0,
    });
    assert.deepEqual(names(viaClient.message), [ticketB]);
    refused(await ben('GET', `${TICKETS}/${ticketA}?ignore_permissions=1`), 'get as B');
    refused(
      await ben('POST', method('frappe.client.get'), {
        doctype: 'HD Ticket',
        name: ticketA,
        ignore_permissions: 1,
      }),
      'frappe.client.get as B',
    );
    refused(
      await ben('POST', method('frappe.client.insert'), {
        doc: { doctype: 'HD Agent', user: B, agent_name: 'Ben', flags: { ignore_permissions: 1 } },
        ignore_permissions: true,
      }),
      'insert HD Agent as a customer',
    );
    refused(
      await ben('POST', method('frappe.client.insert'), {
        doc: { doctype: 'HD Agent', user: B, agent_name: 'Ben' },
        ignore_permissions: true,
      }),
      'insert HD Agent as a customer, flags aside',
    );
    refused(
      await ben('POST', '/api/resource/HD Agent?ignore_permissions=1', {
        user: B,
        agent_name: 'Ben',
      }),
      'POST HD Agent as a customer',
    );
    assert.equal((await stack.call('GET', `/api/resource/HD Agent/${B}`)).status, 404);
    refused(
      await ben('POST', method('frappe.client.set_value'), {
        doctype: 'HD Ticket',
        name: ticketA,
        fieldname: 'subject',
        value: 'taken over',
        ignore_permissions: true,
      }),
      'set_value on another customer’s ticket',
    );
    refused(
      await ben('PUT', `${TICKETS}/${ticketA}`, {
        subject: 'taken over',
        flags: { ignore_permissions: true },
      }),
      'PUT another customer’s ticket',
    );
    refused(
      await ben('POST', method('run_doc_method'), {
        dt: 'HD Ticket',
        dn: ticketA,
        method: 'get_last_communication',
        ignore_permissions: true,
        args: { ignore_permissions: true },
      }),
      'run_doc_method on another customer’s ticket',
    );
    const ticket = await ok(stack.call, 'GET', `${TICKETS}/${ticketA}`);
    assert.equal(ticket.data.subject, 'Alpha’s question');
  });

  it('nobody gives themselves roles', async () => {
    const ann = as.get(A)!;
    const xena = as.get(X)!;
    const lena = as.get(LEAD)!;
    const before = { ann: await rolesOf(A), xena: await rolesOf(X), lena: await rolesOf(LEAD) };
    refused(
      await ann('PUT', `/api/resource/User/${A}`, { roles: [{ role: 'System Manager' }] }),
      'a customer editing their own roles',
    );
    refused(
      await xena('PUT', `/api/resource/User/${X}`, {
        roles: [{ role: 'Agent' }, { role: 'Agent Manager' }],
      }),
      'an agent editing their own roles',
    );
    refused(
      await ann('POST', method('frappe.client.set_value'), {
        doctype: 'User',
        name: A,
        fieldname: { roles: [{ role: 'Agent' }] },
      }),
      'a customer setting their roles through set_value',
    );
    refused(
      await ann('POST', '/api/resource/HD Agent', { user: A, agent_name: 'Ann' }),
      'a customer making themselves an agent',
    );
    for (const [caller, user] of [
      [ann, A],
      [xena, X],
    ] as const)
      refused(
        await caller(
          'POST',
          method('helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role'),
          { user, new_role: 'Manager' },
        ),
        `update_agent_role by ${user} on themselves`,
      );
    refused(
      await ann('POST', method('helpdesk.api.agent.sent_invites'), { emails: [A] }),
      'a customer inviting themselves as an agent',
    );
    const invite = (roles: string[]) => ({
      emails: `someone-${roles.join('-').replace(/ /g, '')}@example.com`,
      roles,
      app_name: 'helpdesk',
    });
    const inviteMethod = method('frappe.core.api.user_invitation.invite_by_email');
    refused(await ann('POST', inviteMethod, invite(['HD Customer'])), 'a customer inviting');
    refused(
      await xena('POST', inviteMethod, invite(['Agent Manager'])),
      'an agent inviting a manager',
    );
    const systemManager = await lena('POST', inviteMethod, invite(['System Manager']));
    refused(systemManager, 'an Agent Manager inviting a System Manager');
    refused(
      await xena('POST', '/api/resource/User', {
        email: 'sock-puppet@example.com',
        roles: [{ role: 'System Manager' }],
      }),
      'an agent creating a System Manager',
    );
    refused(
      await lena('PUT', `/api/resource/User/${LEAD}`, {
        roles: [{ role: 'Agent Manager' }, { role: 'System Manager' }],
      }),
      'an Agent Manager making themselves System Manager',
    );
    assert.deepEqual(
      { ann: await rolesOf(A), xena: await rolesOf(X), lena: await rolesOf(LEAD) },
      before,
    );
  });

  it('a customer’s new ticket is raised by the customer, whatever raised_by or contact say', async () => {
    const ann = as.get(A)!;
    const direct = await ok(ann, 'POST', TICKETS, { subject: 'spoof 1', raised_by: B });
    const viaNew = await ok(ann, 'POST', method(`${TICKET_API}.new`), {
      doc: { subject: 'spoof 2', description: 'x', raised_by: B },
    });
    const viaInsert = await ok(ann, 'POST', method('frappe.client.insert'), {
      doc: { doctype: 'HD Ticket', subject: 'spoof 3', raised_by: B },
    });
    const made = [direct.data.name, viaNew.message.name, viaInsert.message.name].map(String);
    for (const name of made) {
      const ticket = await ok(stack.call, 'GET', `${TICKETS}/${name}`);
      assert.equal(ticket.data.raised_by, A, `ticket ${name}`);
      assert.equal(ticket.data.owner, A, `ticket ${name}`);
    }
    for (const spoof of [{ contact: contactB }, { raised_by: B, contact: contactB }])
      refused(
        await ann('POST', TICKETS, { subject: 'spoofed contact', ...spoof }),
        `a ticket for another customer’s contact: ${JSON.stringify(spoof)}`,
      );
    const customerSpoof = await ann('POST', TICKETS, { subject: 'spoof 4', customer: 'Beta' });
    if (customerSpoof.status === 200) {
      const ticket = await ok(stack.call, 'GET', `${TICKETS}/${customerSpoof.body.data.name}`);
      assert.notEqual(ticket.data.customer, 'Beta', 'not filed under a customer Ann is not in');
    } else refused(customerSpoof, 'a ticket filed under another customer');
    for (const [verb, path, body] of [
      ['PUT', `${TICKETS}/${made[0]}`, { raised_by: B }],
      [
        'POST',
        method('frappe.client.set_value'),
        { doctype: 'HD Ticket', name: made[0], fieldname: 'raised_by', value: B },
      ],
    ] as const) {
      const moved = await ann(verb, path, body);
      if (moved.status >= 300) refused(moved, `${verb} ${path} raised_by`);
      const ticket = await ok(stack.call, 'GET', `${TICKETS}/${made[0]}`);
      assert.equal(ticket.data.raised_by, A, `${verb} ${path} keeps Ann as the raiser`);
    }
    const bens = await ok(as.get(B)!, 'GET', `${TICKETS}?limit_page_length=0`);
    assert.deepEqual(names(bens.data), [ticketB], 'Ben sees none of them');
  });

  it('a customer reads no other customer’s comments or communications', async () => {
    const ben = as.get(B)!;
    refused(
      await ben('GET', `/api/resource/Communication/${communicationA}`),
      'another ticket’s communication',
    );
    const listed = await ok(
      ben,
      'GET',
      `/api/resource/Communication?filters=${q({ reference_name: ticketA })}`,
    );
    assert.deepEqual(listed.data, []);
    const all = await ok(ben, 'POST', method('frappe.client.get_list'), {
      doctype: 'Communication',
      fields: ['name', 'reference_name', 'content'],
      limit_page_length: 0,
    });
    assert.ok(
      (all.message as Json[]).every((row) => String(row.reference_name) !== ticketA),
      JSON.stringify(all.message),
    );
    refused(await ben('GET', `/api/resource/HD Ticket Comment/${commentA}`), 'a comment');
    refused(await ben('GET', '/api/resource/HD Ticket Comment'), 'the comment list');
    refused(
      await ben('POST', method('frappe.client.get_list'), {
        doctype: 'HD Ticket Comment',
        filters: { reference_ticket: ticketA },
      }),
      'comments through get_list',
    );
    for (const name of ['get_ticket_activities', 'get_ticket_assignees', 'get_ticket_contact'])
      refused(await ben('GET', `${method(`${TICKET_API}.${name}`)}?ticket=${ticketA}`), name);
    refused(await ben('GET', `${method(`${TICKET_API}.get_one`)}?name=${ticketA}`), 'get_one');
    refused(
      await ben('GET', `${method('helpdesk.api.ticket.get_history')}?ticket=${ticketA}`),
      'get_history',
    );
    refused(
      await ben('POST', method('run_doc_method'), {
        dt: 'HD Ticket',
        dn: ticketA,
        method: 'get_last_communication',
      }),
      'get_last_communication',
    );
  });

  it('the portal shows a customer their ticket without internal notes or agent-only fields', async () => {
    const ann = as.get(A)!;
    const one = await ok(ann, 'GET', `${method(`${TICKET_API}.get_one`)}?name=${ticketA}`);
    assert.deepEqual(one.message.comments ?? [], [], 'no internal notes in get_one');
    assert.ok(one.message.communications.length >= 1, 'the conversation is there');
    const activities = await ok(
      ann,
      'GET',
      `${method(`${TICKET_API}.get_ticket_activities`)}?ticket=${ticketA}`,
    );
    assert.deepEqual(activities.message.comments ?? [], []);
    refused(await ann('GET', '/api/resource/HD Ticket Comment'), 'comments of their own ticket');
    refused(
      await ann('GET', `/api/resource/HD Ticket Comment/${commentA}`),
      'a note on their own ticket',
    );
    const filterable = await ok(ann, 'POST', method('helpdesk.api.doc.get_filterable_fields'), {
      doctype: 'HD Ticket',
      show_customer_portal_fields: true,
    });
    const fields = (filterable.message as Json[]).map((field) => field.fieldname as string);
    for (const hidden of ['_assign', 'agent_group', 'contact', 'raised_by', 'feedback_rating'])
      assert.ok(!fields.includes(hidden), `${hidden} is not a portal filter: ${fields}`);
    const quick = await ok(ann, 'POST', method('helpdesk.api.doc.get_quick_filters'), {
      doctype: 'HD Ticket',
      show_customer_portal_fields: true,
    });
    assert.ok(
      !(quick.message as Json[]).some((filter) => filter.name === 'customer'),
      JSON.stringify(quick.message),
    );
    const sorts = await ok(ann, 'POST', method('helpdesk.api.doc.sort_options'), {
      doctype: 'HD Ticket',
      show_customer_portal_fields: true,
    });
    assert.ok(
      !(sorts.message as Json[]).some((option) => option.value === '_assign'),
      JSON.stringify(sorts.message),
    );
  });

  it('an agent outside a ticket’s team cannot reply to it or change it through bulk and generic methods', async () => {
    const otto = as.get(OUT)!;
    const bulk = await otto('POST', method('helpdesk.api.ticket.bulk_reply'), {
      ticket_ids: [ticketA],
      message: '<p>sneaky reply</p>',
    });
    assert.equal(bulk.status, 200, 'per-ticket refusals are only logged');
    refused(
      await otto('POST', method('run_doc_method'), {
        dt: 'HD Ticket',
        dn: ticketA,
        method: 'reply_via_agent',
        args: { message: '<p>sneaky reply</p>' },
      }),
      'reply_via_agent',
    );
    refused(
      await otto('POST', method('frappe.client.set_value'), {
        doctype: 'HD Ticket',
        name: ticketA,
        fieldname: 'agent_group',
        value: 'Team Y',
      }),
      'moving the ticket into their own team',
    );
    refused(
      await otto('POST', method('frappe.desk.form.assign_to.add'), {
        doctype: 'HD Ticket',
        name: ticketA,
        assign_to: [OUT],
      }),
      'assigning themselves',
    );
    const communications = await ok(
      stack.call,
      'GET',
      `/api/resource/Communication?filters=${q({ reference_name: ticketA })}&fields=${q(['content'])}&limit_page_length=0`,
    );
    assert.ok(
      (communications.data as Json[]).every((row) => !String(row.content).includes('sneaky')),
      JSON.stringify(communications.data),
    );
    const ticket = await ok(stack.call, 'GET', `${TICKETS}/${ticketA}`);
    assert.equal(ticket.data.agent_group, 'Team X');
  });

  it('realtime events about a ticket reach no one who may not read it', async () => {
    const url = stack.apps.get('realtime')!.url;
    const connect = async (user: string) => {
      const client = await connectClient(url, user, stack.tokenOf(user));
      clients.push(client);
      return client;
    };
    const [ann, ben, xena, otto] = [
      await connect(A),
      await connect(B),
      await connect(X),
      await connect(OUT),
    ];
    for (const outsider of [ben, otto]) {
      const joined = await outsider.ask('view_ticket', Number(ticketA));
      assert.equal(joined['ok'], false, `${outsider.user}: ${JSON.stringify(joined)}`);
    }
    for (const reader of [ann, xena])
      assert.deepEqual(await reader.ask('view_ticket', Number(ticketA)), { ok: true });
    for (const reader of [ben, otto])
      assert.deepEqual(await reader.ask('view_ticket', Number(ticketB)), { ok: true });
    const forA = (payload: Record<string, unknown>) =>
      Number(payload['ticket_id'] ?? payload['name']) === Number(ticketA);
    await ok(stack.call, 'PUT', `${TICKETS}/${ticketA}`, { priority: 'High' });
    await ok(as.get(X)!, 'POST', method('run_doc_method'), {
      dt: 'HD Ticket',
      dn: ticketA,
      method: 'new_comment',
      args: { content: `<p>more internal talk</p>` },
    });
    await ok(as.get(X)!, 'POST', method('run_doc_method'), {
      dt: 'HD Ticket',
      dn: ticketA,
      method: 'reply_via_agent',
      args: { message: 'a second answer' },
    });
    await xena.waitFor('helpdesk:ticket-comment', forA);
    await ann.waitFor('helpdesk:ticket-update', forA);
    // Sentinels after them: a change each outsider may see arrives, so anything earlier has too.
    await ok(stack.call, 'PUT', `${TICKETS}/${ticketB}`, { priority: 'High' });
    await ben.waitFor('helpdesk:ticket-update', (p) => Number(p['ticket_id']) === Number(ticketB));
    await otto.waitFor('helpdesk:ticket-update', (p) => Number(p['ticket_id']) === Number(ticketB));
    assert.deepEqual(ben.about(Number(ticketA)), [], 'another customer hears nothing of it');
    assert.deepEqual(otto.about(Number(ticketA)), [], 'an agent outside its team hears nothing');
    assert.deepEqual(
      ann.received.filter((r) => /comment|mention/.test(r.event)),
      [],
      'the customer hears nothing of internal notes',
    );
  });
});
