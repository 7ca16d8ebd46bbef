import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const TICKETS = '/api/resource/HD%20Ticket';
const AGENT = 'sam@helpdesk.example';

describe('Helpdesk list methods (helpdesk.api.doc.*) through the gateway', () => {
  let stack: ApiStack;
  let admin: ApiCall;
  let agent: ApiCall;
  let customer: ApiCall;
  const names: number[] = [];

  const method = (as: ApiCall, path: string, body: Json) => as('POST', `/api/method/${path}`, body);
  const listData = (as: ApiCall, body: Json) =>
    method(as, 'helpdesk.api.doc.get_list_data', { doctype: 'HD Ticket', ...body });

  before(async () => {
    stack = await startApiStack('listdata');
    admin = stack.call;
    agent = await stack.as(AGENT, ['Agent']);
    customer = await stack.as('carol@acme.example');
    const seed = [
      { subject: 'Printer jammed', priority: 'Low' },
      { subject: 'VPN down', priority: 'Urgent' },
      { subject: 'Printer out of toner', priority: 'Low' },
    ];
    for (const ticket of seed) {
      names.push((await admin('POST', TICKETS, ticket)).body.data.name);
    }
    names.push((await customer('POST', TICKETS, { subject: 'My own ticket' })).body.data.name);
  });

  after(async () => {
    await stack?.stop();
  });

  it('get_list_data returns the page, the default columns and rows, and the total', async () => {
    const { status, body } = await listData(agent, {
      filters: { priority: 'Low' },
      order_by: 'name asc',
      page_length: 1,
      is_default: true,
    });
    assert.equal(status, 200, JSON.stringify(body));
    const result = body.message as Json;
    assert.equal(result.total_count, 2);
    assert.equal(result.row_count, 1);
    assert.deepEqual(
      result.data.map((row: Json) => [row.name, row.subject, row.priority]),
      [[names[0], 'Printer jammed', 'Low']],
    );
    assert.equal(result.columns[0].key, 'name');
    assert.ok(result.columns.some((c: Json) => c.key === '_assign'));
    for (const row of ['subject', 'agreement_status', '_assign', 'owner', 'modified_by']) {
      assert.ok(result.rows.includes(row), `rows include ${row}`);
    }
    assert.ok(result.fields.some((f: Json) => f.value === 'status' && f.type === 'Link'));
  });

  it('explicit columns and rows replace the defaults; list filters work too', async () => {
    const { body } = await listData(agent, {
      filters: [['subject', 'like', '%Printer%']],
      columns: [{ label: 'Subject', key: 'subject', type: 'Data', width: '10rem' }],
      rows: ['priority'],
      is_default: true,
      order_by: 'name desc',
    });
    const result = body.message as Json;
    assert.deepEqual(result.columns, [
      { label: 'Subject', key: 'subject', type: 'Data', width: '10rem' },
    ]);
    assert.deepEqual(result.rows.slice(0, 2), ['subject', 'priority']);
    assert.deepEqual(
      result.data.map((row: Json) => row.name),
      [names[2], names[0]],
    );
  });

  it('@me and %@me% stand for the caller, with assignments kept in _assign', async () => {
    const assigned = await admin('POST', '/api/method/run_doc_method', {
      dt: 'HD Ticket',
      dn: names[1],
      method: 'assign_agent',
      args: { agent: AGENT },
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.equal(assigned.body.docs[0]._assign, JSON.stringify([AGENT]));
    const mine = await listData(agent, { filters: { _assign: ['like', '%@me%'] } });
    assert.deepEqual(
      mine.body.message.data.map((row: Json) => row.name),
      [names[1]],
    );
    assert.equal(mine.body.message.total_count, 1);
    const own = await listData(customer, { filters: [['owner', '=', '@me']] });
    assert.deepEqual(
      own.body.message.data.map((row: Json) => row.name),
      [names[3]],
    );
  });

  it('remove_assignments takes the agent off the ticket', async () => {
    const removed = await method(admin, 'helpdesk.api.doc.remove_assignments', {
      doctype: 'HD Ticket',
      name: String(names[1]),
      assignees: JSON.stringify([AGENT]),
    });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal('message' in removed.body, false);
    const ticket = await admin('GET', `${TICKETS}/${names[1]}`);
    assert.equal(ticket.body.data._assign, '[]');
    const mine = await listData(agent, { filters: { _assign: ['like', '%@me%'] } });
    assert.equal(mine.body.message.total_count, 0);
    const refused = await method(customer, 'helpdesk.api.doc.remove_assignments', {
      doctype: 'HD Ticket',
      name: names[3],
      assignees: [AGENT],
      ignore_permissions: true,
    });
    assert.equal(refused.status, 403);
  });

  it('a customer lists only their own tickets, whatever the filters', async () => {
    const { body } = await listData(customer, { filters: {} });
    assert.deepEqual(
      body.message.data.map((row: Json) => row.name),
      [names[3]],
    );
    assert.equal(body.message.total_count, 1);
  });

  it('get_filterable_fields, get_quick_filters and sort_options describe HD Ticket', async () => {
    const filterable = await method(agent, 'helpdesk.api.doc.get_filterable_fields', {
      doctype: 'HD Ticket',
    });
    assert.equal(filterable.status, 200);
    const fieldnames = filterable.body.message.map((f: Json) => f.fieldname);
    assert.ok(fieldnames.includes('agent_group'));
    assert.ok(fieldnames.includes('_assign'));
    assert.deepEqual(fieldnames.slice(-5), [
      'name',
      'owner',
      'modified_by',
      'creation',
      'modified',
    ]);
    const portal = await method(customer, 'helpdesk.api.doc.get_filterable_fields', {
      doctype: 'HD Ticket',
      show_customer_portal_fields: true,
    });
    assert.ok(!portal.body.message.some((f: Json) => f.fieldname === '_assign'));
    const quick = await method(agent, 'helpdesk.api.doc.get_quick_filters', {
      doctype: 'HD Ticket',
    });
    assert.deepEqual(
      quick.body.message.map((f: Json) => f.name),
      ['name', 'subject', 'customer'],
    );
    const sort = await method(agent, 'helpdesk.api.doc.sort_options', { doctype: 'HD Ticket' });
    assert.ok(sort.body.message.some((o: Json) => o.value === 'modified'));
  });

  it('works for the catalogues too', async () => {
    const { status, body } = await method(agent, 'helpdesk.api.doc.get_list_data', {
      doctype: 'HD Ticket Priority',
      rows: ['name'],
      order_by: 'name asc',
      page_length: 10,
    });
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(
      body.message.data.map((row: Json) => row.name),
      ['High', 'Low', 'Medium', 'Urgent'],
    );
    assert.equal(body.message.total_count, 4);
  });

  it('bad arguments get Frappe errors', async () => {
    const unknownField = await listData(agent, { filters: { no_such_field: 1 } });
    assert.equal(unknownField.status, 417);
    const injected = await listData(agent, { order_by: 'name; DROP TABLE ticket.hd_ticket' });
    assert.equal(injected.status, 417);
    const badJson = await listData(agent, { filters: '{"status": ' });
    assert.equal(badJson.status, 417);
    const badPage = await listData(agent, { page_length: -3 });
    assert.equal(badPage.status, 417);
    const noDoctype = await method(agent, 'helpdesk.api.doc.get_list_data', {});
    assert.equal(noDoctype.status, 417);
    assert.equal(noDoctype.body.exc_type, 'MandatoryError');
    const unknownDoctype = await method(agent, 'helpdesk.api.doc.get_list_data', {
      doctype: 'Nope',
    });
    assert.equal(unknownDoctype.status, 404);
    const stillThere = await admin('GET', TICKETS);
    assert.equal(stillThere.status, 200);
  });
});
