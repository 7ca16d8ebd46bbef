import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApiStack, type ApiCall, type ApiStack, type Json } from './support/api-stack.js';

const doc = (name: string) => `/api/method/helpdesk.api.doc.${name}`;
const AGENTS = ['ada@example.com', 'ben@example.com', 'cy@example.com'];
const PORTAL = 'pam@globex.example';

describe('helpdesk.api.doc.* over agent-service’s DocTypes, through the gateway', () => {
  let stack: ApiStack;
  let ada: ApiCall;
  let pam: ApiCall;

  const listData = (as: ApiCall, doctype: string, body: Json = {}) =>
    as('POST', doc('get_list_data'), { doctype, ...body });
  const created = async (path: string, body: Json) => {
    const response = await stack.call('POST', path, body);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data as Json;
  };

  before(async () => {
    stack = await startApiStack('peoplelists');
    const invited = await stack.call('POST', '/api/method/helpdesk.api.agent.sent_invites', {
      emails: AGENTS,
    });
    assert.equal(invited.status, 200, JSON.stringify(invited.body));
    ada = await stack.keysOf(AGENTS[0]!);
    await created('/api/resource/User', { email: PORTAL, roles: [{ role: 'HD Customer' }] });
    pam = await stack.keysOf(PORTAL);
    await created('/api/resource/Contact', {
      first_name: 'Pam',
      last_name: 'Beesly',
      email_ids: [{ email_id: PORTAL, is_primary: 1 }],
      phone_nos: [{ phone: '+1 202 555 0150', is_primary_mobile_no: 1 }],
    });
    await created('/api/resource/Contact', {
      first_name: 'Hank',
      email_ids: [{ email_id: 'hank@initech.example', is_primary: 1 }],
    });
    await created('/api/resource/HD Customer', {
      customer_name: 'Globex',
      customer_type: 'Company',
      domain: 'globex.example',
      contacts: [{ contact_name: 'Pam Beesly' }],
    });
    await created('/api/resource/HD Customer', {
      customer_name: 'Initech',
      customer_type: 'Partnership',
      domain: 'initech.example',
      contacts: [{ contact_name: 'Hank' }],
    });
  });

  after(async () => {
    await stack?.stop();
  });

  it('lists Contacts in their default view with Helpdesk’s columns and rows', async () => {
    const { status, body } = await listData(ada, 'Contact', {
      is_default: true,
      order_by: 'full_name asc',
    });
    assert.equal(status, 200, JSON.stringify(body));
    const result = body.message as Json;
    assert.deepEqual(
      result.columns.map((c: Json) => c.key),
      ['full_name', 'email_id', 'mobile_no', 'creation'],
    );
    for (const row of ['name', 'email_id', 'mobile_no', 'image', 'creation', 'modified', 'owner'])
      assert.ok(result.rows.includes(row), `rows include ${row}`);
    assert.deepEqual(
      result.data.map((row: Json) => [row.name, row.email_id, row.mobile_no]),
      [
        ['Hank', 'hank@initech.example', null],
        ['Pam Beesly', PORTAL, '+1 202 555 0150'],
      ],
    );
    assert.equal(result.total_count, 2);
    assert.equal(result.row_count, 2);
    assert.deepEqual(result.fields, []);
  });

  it('lists HD Customers with their defaults, filters in both forms, order and page length', async () => {
    const all = await listData(ada, 'HD Customer', { is_default: 1, order_by: 'name desc' });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(
      all.body.message.columns.map((c: Json) => c.key),
      ['name', 'customer_type', 'email_id', 'mobile_no', 'creation'],
    );
    assert.deepEqual(
      all.body.message.data.map((row: Json) => [row.name, row.customer_type]),
      [
        ['Initech', 'Partnership'],
        ['Globex', 'Company'],
      ],
    );
    const dict = await listData(ada, 'HD Customer', {
      filters: JSON.stringify({ customer_type: 'Company' }),
      rows: ['customer_name', 'domain'],
    });
    assert.deepEqual(
      dict.body.message.data.map((row: Json) => [row.name, row.domain]),
      [['Globex', 'globex.example']],
    );
    const list = await listData(ada, 'HD Customer', {
      filters: [['domain', 'like', '%.example']],
      page_length: 1,
      order_by: 'name asc',
    });
    assert.deepEqual(
      list.body.message.data.map((row: Json) => row.name),
      ['Globex'],
    );
    assert.equal(list.body.message.row_count, 1);
    assert.equal(list.body.message.total_count, 2);
  });

  it('gives each caller what the resource list allows them', async () => {
    const own = await listData(pam, 'HD Customer', { filters: {} });
    assert.equal(own.status, 200, JSON.stringify(own.body));
    assert.deepEqual(
      own.body.message.data.map((row: Json) => row.name),
      ['Globex'],
    );
    assert.equal(own.body.message.total_count, 1);
    const contacts = await listData(pam, 'Contact');
    assert.deepEqual(
      contacts.body.message.data.map((row: Json) => row.name),
      ['Pam Beesly'],
    );
    const users = await listData(pam, 'User', { filters: { name: ['like', '%'] } });
    assert.deepEqual(
      users.body.message.data.map((row: Json) => row.name),
      [PORTAL],
    );
    const agents = await listData(pam, 'HD Agent');
    assert.equal(agents.status, 403, JSON.stringify(agents.body));
    assert.equal(agents.body.exc_type, 'PermissionError');
    const fields = await pam('POST', doc('get_filterable_fields'), { doctype: 'HD Agent' });
    assert.equal(fields.status, 403, JSON.stringify(fields.body));
  });

  it('stands @me for the caller in HD Agent filters and groups statuses by category', async () => {
    const me = await listData(ada, 'HD Agent', {
      filters: { name: '@me' },
      columns: [{ key: 'agent_name', label: 'Name' }],
      rows: ['availability'],
    });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.deepEqual(me.body.message.data, [
      {
        name: AGENTS[0],
        agent_name: 'ada',
        availability: 'Active',
        creation: me.body.message.data[0].creation,
        modified: me.body.message.data[0].modified,
        modified_by: 'Administrator',
        owner: 'Administrator',
      },
    ]);
    const others = await listData(ada, 'HD Agent', { filters: [['name', '!=', '@me']] });
    assert.equal(others.body.message.total_count, AGENTS.length - 1);
    const grouped = await listData(ada, 'HD Agent Status', {
      view: { view_type: 'group_by', group_by_field: 'category' },
      order_by: 'status_order asc',
    });
    assert.equal(grouped.status, 200, JSON.stringify(grouped.body));
    assert.equal(grouped.body.message.view_type, 'group_by');
    assert.deepEqual(grouped.body.message.group_by_field, {
      label: 'Category',
      name: 'category',
      type: 'Select',
      options: ['Active', 'Away', 'Unavailable'],
    });
    assert.deepEqual(
      grouped.body.message.data.map((row: Json) => [row.name, row.category]),
      [
        ['Active', 'Active'],
        ['Away', 'Away'],
        ['Unavailable', 'Unavailable'],
      ],
    );
    const teams = await listData(ada, 'HD Team', { is_default: true });
    assert.deepEqual(
      teams.body.message.columns.map((c: Json) => c.key),
      ['name', 'modified'],
      'a DocType without defaults shows Name and Last Modified',
    );
  });

  it('describes the DocTypes for filters, quick filters and sorting', async () => {
    const filterable = await ada('POST', doc('get_filterable_fields'), { doctype: 'HD Agent' });
    assert.equal(filterable.status, 200, JSON.stringify(filterable.body));
    const names = filterable.body.message.map((f: Json) => f.fieldname);
    assert.ok(names.includes('availability'));
    assert.deepEqual(names.slice(-5), ['name', 'owner', 'modified_by', 'creation', 'modified']);
    const quick = async (doctype: string) =>
      (await ada('POST', doc('get_quick_filters'), { doctype })).body.message.map(
        (f: Json) => f.name,
      );
    assert.deepEqual(await quick('Contact'), ['name']);
    assert.deepEqual(await quick('HD Agent'), ['name', 'agent_name']);
    assert.deepEqual(await quick('HD Customer'), ['name', 'domain']);
    const sort = await ada('POST', doc('sort_options'), { doctype: 'HD Team' });
    const values = sort.body.message.map((o: Json) => o.value);
    assert.ok(values.includes('team_name') && values.includes('modified'));
  });

  it('refuses bad arguments with Frappe errors', async () => {
    const unknownField = await listData(ada, 'Contact', { filters: { no_such_field: 1 } });
    assert.equal(unknownField.status, 417, JSON.stringify(unknownField.body));
    const injected = await listData(ada, 'HD Customer', { order_by: 'name; DROP TABLE x' });
    assert.equal(injected.status, 417, JSON.stringify(injected.body));
    const badPage = await listData(ada, 'User', { page_length: 'many' });
    assert.equal(badPage.status, 417, JSON.stringify(badPage.body));
  });
});
