import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiStack, type Json } from './support/api-stack.js';

describe('HD Ticket lists, counts and updates through the API', () => {
  let stack: ApiStack;
  const names: number[] = [];
  const call: ApiStack['call'] = (method, path, body) => stack.call(method, path, body);

  before(async () => {
    stack = await startApiStack('query');
    const seed = [
      { subject: 'Printer jammed', priority: 'Low', raised_by: 'a@acme.example' },
      { subject: 'VPN down', priority: 'Urgent', raised_by: 'b@acme.example' },
      { subject: 'Printer out of toner', priority: 'Medium', raised_by: 'c@globex.example' },
      { subject: 'Password reset', priority: 'High', raised_by: 'a@acme.example' },
    ];
    for (const ticket of seed) {
      names.push((await call('POST', '/api/resource/HD%20Ticket', ticket)).body.data.name);
    }
  });

  after(async () => {
    await stack?.stop();
  });

  const query = (params: Record<string, unknown>) =>
    '/api/resource/HD%20Ticket?' +
    new URLSearchParams(
      Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ),
    ).toString();

  it('lists with fields, filters, order and paging as Frappe does', async () => {
    const { status, body } = await call(
      'GET',
      query({
        fields: ['name', 'subject', 'priority'],
        filters: [['subject', 'like', '%Printer%']],
        order_by: 'name asc',
      }),
    );
    assert.equal(status, 200);
    assert.deepEqual(body.data, [
      { name: names[0], subject: 'Printer jammed', priority: 'Low' },
      { name: names[2], subject: 'Printer out of toner', priority: 'Medium' },
    ]);
    const page = await call(
      'GET',
      query({ fields: ['name'], order_by: 'name asc', limit_start: 1, limit_page_length: 2 }),
    );
    assert.deepEqual(
      page.body.data.map((r: Json) => r.name),
      [names[1], names[2]],
    );
    const dict = await call(
      'GET',
      query({ fields: ['name'], filters: { raised_by: 'a@acme.example' }, order_by: 'name desc' }),
    );
    assert.deepEqual(
      dict.body.data.map((r: Json) => r.name),
      [names[3], names[0]],
    );
    const inList = await call(
      'GET',
      query({
        fields: ['name'],
        filters: [['priority', 'in', ['Urgent', 'High']]],
        order_by: 'name asc',
      }),
    );
    assert.deepEqual(
      inList.body.data.map((r: Json) => r.name),
      [names[1], names[3]],
    );
  });

  it('refuses unknown fields and operators with 417, never running user text as SQL', async () => {
    const unknown = await call(
      'GET',
      query({ fields: ['name'], filters: [['no_such_field', '=', 1]] }),
    );
    assert.equal(unknown.status, 417);
    const injection = await call(
      'GET',
      query({ fields: ['name'], order_by: 'name; DROP TABLE ticket.hd_ticket' }),
    );
    assert.equal(injection.status, 417);
    const operator = await call(
      'GET',
      query({ fields: ['name'], filters: [['name', '= 1 OR 1=1 --', 1]] }),
    );
    assert.equal(operator.status, 417);
    assert.equal((await call('GET', query({ fields: ['name'] }))).body.data.length, 4);
  });

  it('counts with frappe.client.get_count and frappe.desk.reportview.get_count', async () => {
    const count = await call('POST', '/api/method/frappe.client.get_count', {
      doctype: 'HD Ticket',
      filters: { raised_by: 'a@acme.example' },
    });
    assert.deepEqual(count.body, { message: 2 });
    const report = await call('POST', '/api/method/frappe.desk.reportview.get_count', {
      doctype: 'HD Ticket',
    });
    assert.deepEqual(report.body, { message: 4 });
  });

  it('reads one value with frappe.client.get_value and lists with frappe.client.get_list', async () => {
    const value = await call('POST', '/api/method/frappe.client.get_value', {
      doctype: 'HD Ticket',
      fieldname: 'subject',
      filters: String(names[1]),
    });
    assert.deepEqual(value.body, { message: { subject: 'VPN down' } });
    const list = await call('POST', '/api/method/frappe.client.get_list', {
      doctype: 'HD Ticket',
      fields: ['name'],
      filters: [['priority', '=', 'Urgent']],
    });
    assert.deepEqual(list.body, { message: [{ name: names[1] }] });
  });

  it('updates a ticket as specific events: PUT priority, set_value status with its bookkeeping', async () => {
    const put = await call('PUT', `/api/resource/HD%20Ticket/${names[0]}`, { priority: 'High' });
    assert.equal(put.status, 200);
    assert.equal(put.body.data.priority, 'High');
    const resolved = await call('POST', '/api/method/frappe.client.set_value', {
      doctype: 'HD Ticket',
      name: names[0],
      fieldname: 'status',
      value: 'Resolved',
    });
    assert.equal(resolved.status, 200);
    assert.equal(resolved.body.message.status, 'Resolved');
    assert.equal(resolved.body.message.status_category, 'Resolved');
    assert.match(resolved.body.message.resolution_date, /^\d{4}-\d{2}-\d{2} /);
    const badStatus = await call('PUT', `/api/resource/HD%20Ticket/${names[0]}`, {
      status: 'Nonsense',
    });
    assert.equal(badStatus.status, 417);
    const standard = await call('PUT', `/api/resource/HD%20Ticket/${names[0]}`, {
      owner: 'x@example.com',
    });
    assert.equal(standard.status, 417);
    const missing = await call('PUT', '/api/resource/HD%20Ticket/99999', { priority: 'Low' });
    assert.equal(missing.status, 404);
  });

  it('deletes a ticket (202) and then it is gone', async () => {
    const deleted = await call('DELETE', `/api/resource/HD%20Ticket/${names[2]}`);
    assert.equal(deleted.status, 202);
    assert.equal((await call('GET', `/api/resource/HD%20Ticket/${names[2]}`)).status, 404);
    assert.equal(
      (await call('PUT', `/api/resource/HD%20Ticket/${names[2]}`, { priority: 'Low' })).status,
      404,
    );
  });

  it('lists the catalogues with filters', async () => {
    const statuses = await call(
      'GET',
      '/api/resource/HD%20Ticket%20Status?' +
        new URLSearchParams({
          fields: JSON.stringify(['name', 'category']),
          order_by: 'order asc',
        }).toString(),
    );
    assert.deepEqual(
      statuses.body.data.map((s: Json) => s.name),
      ['Open', 'Replied', 'Resolved', 'Closed'],
    );
  });
});
