import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { waitFor } from '@helpdesk/shared-testing';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const method = (name: string) => `/api/method/${name}`;

/** Calls the API with a key pair, such as the one an accepted invitation hands out. */
function callerWith(api: string, key: string, secret: string): ApiCall {
  return async (verb, path, body) => {
    const response = await fetch(`${api}${path}`, {
      method: verb,
      headers: { Authorization: `token ${key}:${secret}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
}
const INVITATION = 'frappe.core.api.user_invitation';
const NAMES = `/api/resource/HD Ticket?fields=${encodeURIComponent('["name"]')}&order_by=name asc`;

describe('contacts, customers and invitations through the gateway', () => {
  let stack: ApiStack;
  let db: pg.Client;
  const tickets: Record<string, number> = {};

  async function query<T extends Json>(text: string, values: unknown[] = []): Promise<T[]> {
    return (await db.query<T>(text, values)).rows;
  }

  /** A portal user with a Contact of their own address, as the API makes them. */
  async function customerUser(email: string): Promise<ApiCall> {
    const user = await stack.call('POST', '/api/resource/User', {
      email,
      roles: [{ role: 'HD Customer' }],
    });
    assert.equal(user.status, 200, JSON.stringify(user.body));
    const contact = await stack.call('POST', '/api/resource/Contact', {
      first_name: email.split('@')[0],
      email_ids: [{ email_id: email, is_primary: 1 }],
    });
    assert.equal(contact.status, 200, JSON.stringify(contact.body));
    assert.equal(contact.body.data.user, email, 'a new contact takes the user with its address');
    return stack.keysOf(email);
  }

  async function visible(as: ApiCall): Promise<number[]> {
    const listed = await as('GET', NAMES);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    return (listed.body.data as { name: number }[]).map((row) => row.name);
  }

  async function inviteKey(email: string): Promise<string> {
    const [mail] = await query<{ link: string }>(
      `SELECT args->>'invite_link' AS link FROM agent.email_queue
        WHERE recipient = $1 AND template = 'user_invitation' ORDER BY id DESC LIMIT 1`,
      [email],
    );
    assert.ok(mail, `an invitation mail is queued for ${email}`);
    return new URL(mail.link, 'http://x').searchParams.get('key')!;
  }

  before(async () => {
    stack = await startApiStack('directory');
    db = new pg.Client({ connectionString: stack.db.url });
    await db.connect();
  });

  after(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('contacts: create with rows, read, edit, search and delete', async () => {
    const created = await stack.call('POST', method('helpdesk.api.contact.create_contact'), {
      doc: {
        first_name: 'Dana',
        last_name: 'Scully',
        email: 'dana@fbi.example',
        phone: '+1 202 555 0101',
      },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.message, 'Dana Scully');
    const again = await stack.call('POST', '/api/resource/Contact', {
      first_name: 'Dana',
      last_name: 'Scully',
    });
    assert.equal(again.body.data.name, 'Dana Scully-1', 'a taken name is numbered');
    const read = await stack.call('GET', '/api/resource/Contact/Dana Scully');
    assert.equal(read.body.data.email_id, 'dana@fbi.example');
    assert.equal(read.body.data.mobile_no, '+1 202 555 0101');
    assert.deepEqual(
      read.body.data.email_ids.map((row: Json) => [row.email_id, row.is_primary]),
      [['dana@fbi.example', 1]],
    );
    const edited = await stack.call('POST', method('helpdesk.api.contact.edit_contact'), {
      name: 'Dana Scully',
      doc: { email_ids: [{ email_id: 'd.scully@fbi.example', is_primary: 1 }] },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const found = await stack.call(
      'GET',
      `${method('helpdesk.api.contact.search_contacts')}?txt=scully`,
    );
    assert.deepEqual(found.body.message, [
      { full_name: 'Dana Scully', email_id: 'd.scully@fbi.example', name: 'Dana Scully' },
    ]);
    const badPhone = await stack.call('POST', method('helpdesk.api.contact.create_contact'), {
      doc: { first_name: 'Fox', phone: '202 555 0199' },
    });
    assert.equal(badPhone.status, 417, JSON.stringify(badPhone.body));
    const twoPrimaries = await stack.call('POST', '/api/resource/Contact', {
      first_name: 'Two',
      email_ids: [
        { email_id: 'a@x.example', is_primary: 1 },
        { email_id: 'b@x.example', is_primary: 1 },
      ],
    });
    assert.equal(twoPrimaries.status, 417, JSON.stringify(twoPrimaries.body));
    const removed = await stack.call('POST', method('helpdesk.api.contact.delete_contact'), {
      name: 'Dana Scully-1',
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal((await stack.call('GET', '/api/resource/Contact/Dana Scully-1')).status, 404);
  });

  it('create_customer makes the primary contact a manager member and invites them', async () => {
    const created = await stack.call('POST', method('helpdesk.api.customer.create_customer'), {
      customer: { customer_name: 'Acme', domain: 'acme.example' },
      primary_contact: { email: 'boss@acme.example', first_name: 'Bea', last_name: 'Boss' },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(created.body.message, { name: 'Acme', invited_emails: ['boss@acme.example'] });
    const customer = await stack.call('GET', '/api/resource/HD Customer/Acme');
    assert.equal(customer.body.data.primary_contact, 'Bea Boss');
    assert.equal(customer.body.data.email_id, 'boss@acme.example');
    assert.deepEqual(
      customer.body.data.contacts.map((row: Json) => [row.contact_name, row.is_manager]),
      [['Bea Boss', 1]],
    );
    const duplicate = await stack.call('PUT', '/api/resource/HD Customer/Acme', {
      contacts: [{ contact_name: 'Bea Boss' }, { contact_name: 'Bea Boss' }],
    });
    assert.equal(duplicate.status, 417, JSON.stringify(duplicate.body));
    assert.match(JSON.stringify(duplicate.body), /Duplicate contacts are not allowed/);
    const agent = await stack.as('agent@helpdesk.example', ['Agent']);
    assert.equal((await agent('GET', '/api/resource/HD Customer/Acme')).status, 200);
    const write = await agent('PUT', '/api/resource/HD Customer/Acme', { domain: 'x.example' });
    assert.equal(write.status, 403, 'agents only read customers');
  });

  it('invitations: pending, accepted once (the invitee then signs in), cancelled', async () => {
    const pending = await stack.call(
      'GET',
      `${method(`${INVITATION}.get_pending_invitations`)}?app_name=helpdesk`,
    );
    assert.deepEqual(
      (pending.body.message as Json[]).map((row) => [row.email, row.roles]),
      [['boss@acme.example', ['HD Customer Manager']]],
    );
    const key = await inviteKey('boss@acme.example');
    const [stored] = await query<{ key_hash: string }>(
      `SELECT key_hash FROM agent.user_invitation WHERE email = 'boss@acme.example'`,
    );
    assert.notEqual(stored!.key_hash, key, 'only the hash is stored');
    const events = await query<{ data: string }>(
      `SELECT data::text FROM agent.events WHERE stream_id LIKE 'invitation-%'`,
    );
    assert.ok(
      events.every((row) => !row.data.includes(key)),
      'the key is never recorded',
    );

    // The invitee follows the link without credentials, as a guest.
    const asGuest = await fetch(
      `${stack.api}${method(`${INVITATION}.accept_invitation`)}?key=${key}`,
    );
    const accepted = { status: asGuest.status, body: (await asGuest.json()) as Json };
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.message.user, 'boss@acme.example');
    const reused = await stack.call(
      'GET',
      `${method(`${INVITATION}.accept_invitation`)}?key=${key}`,
    );
    assert.equal(reused.status, 417, 'a key works once');
    const bea = callerWith(
      stack.api,
      accepted.body.message.api_key,
      accepted.body.message.api_secret,
    );
    const me = await bea('GET', method('helpdesk.api.auth.get_user'));
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.message.user_id, 'boss@acme.example');
    const user = await stack.call('GET', '/api/resource/User/boss@acme.example');
    assert.deepEqual(user.body.data.roles.map((row: Json) => row.role).sort(), [
      'HD Customer',
      'HD Customer Manager',
    ]);
    const contact = await stack.call('GET', '/api/resource/Contact/Bea Boss');
    assert.equal(contact.body.data.user, 'boss@acme.example');

    const invited = await stack.call('POST', method(`${INVITATION}.invite_by_email`), {
      emails: 'temp@acme.example, boss@acme.example',
      roles: ['HD Customer'],
      redirect_to_path: '/helpdesk',
      app_name: 'helpdesk',
    });
    assert.deepEqual(invited.body.message.invited_emails, ['temp@acme.example']);
    assert.deepEqual(invited.body.message.accepted_invite_emails, ['boss@acme.example']);
    const [temp] = await query<{ name: string }>(
      `SELECT name FROM agent.user_invitation WHERE email = 'temp@acme.example'`,
    );
    const agent = await stack.as('plain@helpdesk.example', ['Agent']);
    const refused = await agent('POST', method(`${INVITATION}.cancel_invitation`), {
      name: temp!.name,
      app_name: 'helpdesk',
    });
    assert.equal(refused.status, 403, 'only managers cancel');
    const tempKey = await inviteKey('temp@acme.example');
    const cancelled = await stack.call('POST', method(`${INVITATION}.cancel_invitation`), {
      name: temp!.name,
      app_name: 'helpdesk',
    });
    assert.deepEqual(cancelled.body.message, { cancelled_now: true });
    const late = await stack.call(
      'GET',
      `${method(`${INVITATION}.accept_invitation`)}?key=${tempKey}`,
    );
    assert.equal(late.status, 417, JSON.stringify(late.body));
    const resent = await stack.call('POST', method(`${INVITATION}.resend_invitation`), {
      name: temp!.name,
    });
    assert.equal(resent.status, 417, 'a cancelled invitation is not resent');
  });

  it('a customer manager sees their customer’s tickets; a plain member and others do not', async () => {
    const mia = await customerUser('mia@acme.example');
    const ned = await customerUser('ned@acme.example');
    const olga = await customerUser('olga@globex.example');
    const acme = await stack.call('PUT', '/api/resource/HD Customer/Acme', {
      contacts: [
        { contact_name: 'Bea Boss', is_manager: 1 },
        { contact_name: 'mia', is_manager: 1 },
        { contact_name: 'ned', is_manager: 0 },
      ],
    });
    assert.equal(acme.status, 200, JSON.stringify(acme.body));
    const mia_roles = await stack.call('GET', '/api/resource/User/mia@acme.example');
    assert.ok(mia_roles.body.data.roles.some((row: Json) => row.role === 'HD Customer Manager'));
    const globex = await stack.call('POST', '/api/resource/HD Customer', {
      customer_name: 'Globex',
      contacts: [{ contact_name: 'olga', is_manager: 1 }],
    });
    assert.equal(globex.status, 200, JSON.stringify(globex.body));
    for (const [key, raiser, customer] of [
      ['ned', 'ned@acme.example', 'Acme'],
      ['acme', 'someone@acme.example', 'Acme'],
      ['globex', 'olga@globex.example', 'Globex'],
    ] as const) {
      const opened = await stack.call('POST', '/api/resource/HD Ticket', {
        subject: `A ${key} question`,
        raised_by: raiser,
        customer,
      });
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      tickets[key] = opened.body.data.name as number;
    }
    // ticket-service learns memberships from agent-service's events: wait for its copy.
    await waitFor(
      async () => {
        const rows = await query<{ count: string }>(
          `SELECT count(*) FROM ticket.people_customer_member m
             JOIN ticket.people_contact c ON c.name = m.contact
            WHERE c.user_id IN ('mia@acme.example', 'olga@globex.example') AND m.is_manager`,
        );
        return rows[0]?.count === '2' ? true : undefined;
      },
      { what: 'ticket-service to take in the customer memberships' },
    );

    assert.deepEqual(await visible(mia), [tickets.ned, tickets.acme]);
    assert.deepEqual(await visible(ned), [tickets.ned], 'a plain member sees only their own');
    assert.deepEqual(await visible(olga), [tickets.globex]);

    assert.equal((await olga('GET', `/api/resource/HD Ticket/${tickets.acme}`)).status, 403);
    const counted = await olga('GET', `${method('frappe.client.get_count')}?doctype=HD Ticket`);
    assert.equal(counted.body.message, 1, JSON.stringify(counted.body));
    const listData = await olga('POST', method('helpdesk.api.doc.get_list_data'), {
      doctype: 'HD Ticket',
      filters: {},
      columns: [{ key: 'name' }],
      rows: ['name'],
    });
    assert.equal(listData.status, 200, JSON.stringify(listData.body));
    assert.deepEqual(
      (listData.body.message.data as Json[]).map((row) => row.name),
      [tickets.globex],
    );
    assert.equal(listData.body.message.total_count, 1);

    const customers = await olga('GET', '/api/resource/HD Customer');
    assert.deepEqual(
      (customers.body.data as Json[]).map((row) => row.name),
      ['Globex'],
      'customers read only their own customers',
    );
    const members = await stack.call('POST', method('run_doc_method'), {
      dt: 'HD Customer',
      dn: 'Acme',
      method: 'get_contacts',
      args: {},
    });
    assert.equal(members.status, 200, JSON.stringify(members.body));
    assert.deepEqual(
      (members.body.message as Json[]).map((row) => [
        row.contact_name,
        row.is_primary,
        row.ticket_count,
      ]),
      [
        ['Bea Boss', 1, 0],
        ['mia', 0, 0],
        ['ned', 0, 1],
      ],
      'ned raised one open ticket',
    );
    const notPermitted = await ned('POST', method('run_doc_method'), {
      dt: 'HD Customer',
      dn: 'Acme',
      method: 'add_contacts',
      args: { contacts: ['olga'] },
    });
    assert.equal(notPermitted.status, 403, JSON.stringify(notPermitted.body));
  });
  it('tickets take their contact and customer from the raiser; removing them unlinks or deletes the tickets', async () => {
    const pat = await customerUser('pat@umbrella.example');
    const zed = await stack.call('POST', method('helpdesk.api.contact.create_contact'), {
      doc: { first_name: 'Zed', last_name: 'Zane', email: 'zed@initech.example' },
    });
    assert.equal(zed.status, 200, JSON.stringify(zed.body));
    for (const [customer, contact] of [
      ['Initech', 'Zed Zane'],
      ['Umbrella', 'pat'],
    ]) {
      const created = await stack.call('POST', '/api/resource/HD Customer', {
        customer_name: customer,
        contacts: [{ contact_name: contact, is_manager: 0 }],
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
    }
    await waitFor(
      async () => {
        const rows = await query<{ count: string }>(
          `SELECT count(*) FROM ticket.people_customer_member
            WHERE (customer, contact) IN (('Initech', 'Zed Zane'), ('Umbrella', 'pat'))`,
        );
        return rows[0]?.count === '2' ? true : undefined;
      },
      { what: 'ticket-service to take in both memberships' },
    );

    const byAgent = [];
    for (const subject of ['Printer on fire', 'TPS report cover sheet']) {
      const opened = await stack.call('POST', '/api/resource/HD Ticket', {
        subject,
        raised_by: 'zed@initech.example',
      });
      assert.equal(opened.status, 200, JSON.stringify(opened.body));
      assert.equal(opened.body.data.contact, 'Zed Zane', 'set_contact: the raiser’s Contact');
      assert.equal(opened.body.data.customer, 'Initech', 'set_customer: the contact’s only one');
      byAgent.push(opened.body.data.name as number);
    }
    const fromPortal = await pat('POST', '/api/resource/HD Ticket', {
      subject: 'Sample went missing',
      via_customer_portal: 1,
    });
    assert.equal(fromPortal.status, 200, JSON.stringify(fromPortal.body));
    assert.equal(fromPortal.body.data.contact, 'pat');
    assert.equal(fromPortal.body.data.customer, 'Umbrella');
    const othersContact = await pat('POST', '/api/resource/HD Ticket', {
      subject: 'On behalf of Zed',
      contact: 'Zed Zane',
    });
    assert.equal(othersContact.status, 403, 'a customer raises tickets for their own contact only');

    const removed = await stack.call('POST', method('helpdesk.api.contact.delete_contact'), {
      name: 'Zed Zane',
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    for (const name of byAgent) {
      const unlinked = await waitFor(
        async () => {
          const ticket = await stack.call('GET', `/api/resource/HD Ticket/${name}`);
          return ticket.body.data?.contact === null ? ticket.body.data : undefined;
        },
        { what: `ticket ${name} to lose its deleted contact` },
      );
      assert.equal(unlinked.customer, 'Initech', 'the customer stays');
    }

    const purged = await stack.call('POST', method('helpdesk.api.customer.delete_customer'), {
      name: 'Initech',
      delete_tickets: 1,
    });
    assert.equal(purged.status, 200, JSON.stringify(purged.body));
    for (const name of byAgent) {
      await waitFor(
        async () =>
          (await stack.call('GET', `/api/resource/HD Ticket/${name}`)).status === 404
            ? true
            : undefined,
        { what: `ticket ${name} to go with its customer` },
      );
    }
    const kept = await stack.call('GET', `/api/resource/HD Ticket/${fromPortal.body.data.name}`);
    assert.equal(kept.body.data.customer, 'Umbrella', 'other customers’ tickets are untouched');
  });
});
