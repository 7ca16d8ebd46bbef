import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FrappeApp, type FrappeDB } from 'frappe-js-sdk';
import { startApiStack, type ApiStack } from './support/api-stack.js';

interface Ticket {
  /** Opaque to clients: the SDK sends it back as text. */
  name: string;
  subject: string;
  priority: string;
  raised_by: string;
}

/** A save that says which copy it was prepared from. */
type Saved = Ticket & { modified: string };

const DOCTYPE = 'HD Ticket';

/** The error object the SDK rejects with, as far as a caller branches on it. */
function sdkError(httpStatus: number, excType: string) {
  return (error: unknown) => {
    const { httpStatus: status, exc_type } = error as { httpStatus: number; exc_type: string };
    assert.deepEqual({ httpStatus: status, exc_type }, { httpStatus, exc_type: excType });
    return true;
  };
}

/** A list row with its name as text, to compare with what the SDK is given. */
const named = <T extends { name: unknown }>(row: T) => ({ ...row, name: String(row.name) });

/** Frappe's own JavaScript client, unchanged, as a third-party integration would use it. */
describe('frappe-js-sdk against the gateway', () => {
  let stack: ApiStack;
  let app: FrappeApp;
  let db: FrappeDB;
  const tickets: Ticket[] = [];

  before(async () => {
    stack = await startApiStack('sdk');
    const { HELPDESK_ADMIN_API_KEY: key, HELPDESK_ADMIN_API_SECRET: secret } = stack.env;
    app = new FrappeApp(stack.api, {
      useToken: true,
      token: () => `${key}:${secret}`,
      type: 'token',
    });
    db = app.db();
  });

  after(async () => {
    await stack?.stop();
  });

  it('creates tickets with createDoc and reads them back with getDoc', async () => {
    for (const ticket of [
      { subject: 'Printer jammed', priority: 'Low', raised_by: 'ann@acme.example' },
      { subject: 'VPN down', priority: 'Urgent', raised_by: 'bob@acme.example' },
      { subject: 'Printer out of toner', priority: 'Medium', raised_by: 'ann@acme.example' },
    ]) {
      const created = await db.createDoc<Omit<Ticket, 'name'>>(DOCTYPE, ticket);
      assert.equal(created.subject, ticket.subject);
      tickets.push({ ...ticket, name: String(created.name) });
    }
    const [jammed] = tickets;
    const read = await db.getDoc<Ticket>(DOCTYPE, jammed!.name);
    assert.equal(String(read.name), jammed!.name);
    assert.equal(read.subject, 'Printer jammed');
    assert.equal(read.raised_by, 'ann@acme.example');
    assert.equal(read.priority, 'Low');
    assert.equal(read.owner, 'Administrator');
  });

  it('lists with fields, filters, order and limit through getDocList', async () => {
    const printers = await db.getDocList<Pick<Ticket, 'name' | 'subject'>>(DOCTYPE, {
      fields: ['name', 'subject'],
      filters: [['subject', 'like', '%Printer%']],
      orderBy: { field: 'name', order: 'desc' },
      limit: 10,
    });
    assert.deepEqual(printers.map(named), [
      { name: tickets[2]!.name, subject: 'Printer out of toner' },
      { name: tickets[0]!.name, subject: 'Printer jammed' },
    ]);
    const first = await db.getDocList<Pick<Ticket, 'name'>>(DOCTYPE, {
      fields: ['name'],
      orderBy: { field: 'name', order: 'asc' },
      limit: 1,
    });
    assert.deepEqual(first.map(named), [{ name: tickets[0]!.name }]);
  });

  it('counts with getCount, with and without filters', async () => {
    assert.equal(await db.getCount(DOCTYPE, [['raised_by', '=', 'ann@acme.example']]), 2);
    assert.equal(await db.getCount(DOCTYPE, [['priority', 'in', ['Urgent', 'Low']]]), 2);
    assert.equal(await db.getCount(DOCTYPE), 3);
  });

  it('updates with updateDoc, and the change is what getDoc reads next', async () => {
    const vpn = tickets[1]!;
    const before = await db.getDoc<Ticket>(DOCTYPE, vpn.name);
    const updated = await db.updateDoc<Saved>(DOCTYPE, vpn.name, {
      priority: 'High',
      modified: before.modified,
    });
    assert.equal(updated.priority, 'High');
    assert.equal(updated.subject, 'VPN down');
    assert.equal((await db.getDoc<Ticket>(DOCTYPE, vpn.name)).priority, 'High');

    const stale = db.updateDoc<Saved>(DOCTYPE, vpn.name, {
      priority: 'Low',
      modified: before.modified,
    });
    await assert.rejects(stale, sdkError(409, 'TimestampMismatchError'));
    assert.equal((await db.getDoc<Ticket>(DOCTYPE, vpn.name)).priority, 'High');
  });

  it('calls whitelisted methods with call().get and call().post', async () => {
    const vpn = tickets[1]!;
    const args = { doctype: DOCTYPE, fieldname: 'subject', filters: vpn.name };
    assert.deepEqual(await app.call().get('frappe.client.get_value', args), {
      message: { subject: 'VPN down' },
    });
    assert.deepEqual(await app.call().post('frappe.client.get_value', args), {
      message: { subject: 'VPN down' },
    });
    assert.deepEqual(await app.call().get('frappe.auth.get_logged_user'), {
      message: 'Administrator',
    });
    assert.deepEqual(await app.call().post('frappe.auth.get_logged_user'), {
      message: 'Administrator',
    });
  });

  it('deletes with deleteDoc; getDoc then fails with the SDK error for a 404', async () => {
    const toner = tickets[2]!;
    assert.deepEqual(await db.deleteDoc(DOCTYPE, toner.name), { data: 'ok' });
    await assert.rejects(db.getDoc(DOCTYPE, toner.name), sdkError(404, 'DoesNotExistError'));
    assert.equal(await db.getCount(DOCTYPE), 2);
  });
});
