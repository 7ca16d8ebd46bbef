import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import type { DoctypeResource, RequestContext } from '@helpdesk/shared-messaging';
import { column } from './list-columns.js';
import { ListViewMethods, type ListViewDoctype } from './list-view.methods.js';

const META: DocTypeMeta = {
  doctype: 'HD Customer',
  table: 'agent.hd_customer',
  nameType: 'text',
  defaultOrder: 'modified desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Data' },
    { fieldname: 'owner', fieldtype: 'Link', options: 'User' },
    { fieldname: 'creation', fieldtype: 'Datetime' },
    { fieldname: 'modified', fieldtype: 'Datetime' },
    { fieldname: 'modified_by', fieldtype: 'Link', options: 'User' },
    { fieldname: 'customer_type', fieldtype: 'Select', options: 'Company\nIndividual' },
    { fieldname: 'domain', fieldtype: 'Data', inStandardFilter: true },
  ],
};

const ANN: RequestContext = { user: 'ann@example.com', roles: ['Agent'], correlationId: 'c' };
const CAT: RequestContext = { user: 'cat@acme.com', roles: ['HD Customer'], correlationId: 'c' };

/** The lists a resource was asked for, answering the rows it was given. */
function recordingResource(rows: Record<string, unknown>[]) {
  const asked: Record<string, unknown>[] = [];
  const resource = {
    list: (params: Record<string, unknown>) => {
      asked.push(params);
      return Promise.resolve(rows);
    },
    count: () => Promise.resolve(rows.length),
  } as unknown as DoctypeResource;
  return { resource, asked };
}

function methods(doctype: Partial<ListViewDoctype>, rows: Record<string, unknown>[] = []) {
  const { resource, asked } = recordingResource(rows);
  const lists = new ListViewMethods(
    new Map([['HD Customer', { resource, meta: META, ...doctype }]]),
    {
      isAgent: (context) => context.roles.includes('Agent'),
    },
  );
  return { lists, asked };
}

describe('helpdesk.api.doc.get_list_data', () => {
  it('answers the DocType defaults for the default view, with the standard rows added', async () => {
    const defaults = { columns: [column('Name', 'Data', 'name', '17rem')], rows: ['domain'] };
    const { lists, asked } = methods({ defaults: () => defaults }, [{ name: 'Acme' }]);
    const { message } = await lists.getListData({ doctype: 'HD Customer', is_default: 1 }, ANN);
    assert.deepEqual(message.columns, defaults.columns);
    assert.deepEqual(message.rows, [
      'name',
      'domain',
      'creation',
      'modified',
      'modified_by',
      'owner',
    ]);
    assert.deepEqual(asked[0], {
      fields: message.rows,
      filters: {},
      order_by: 'modified desc',
      limit_page_length: 20,
    });
    assert.equal(message.total_count, 1);
    assert.equal(message.row_count, 1);
    assert.deepEqual(message.fields, []);
    assert.equal(message.view_type, 'list');
    assert.equal(message.group_by_field, null);
  });

  it('shows Name and Last Modified when nobody names columns, and the caller’s otherwise', async () => {
    const { lists } = methods({});
    const plain = await lists.getListData({ doctype: 'HD Customer', is_default: true }, ANN);
    assert.deepEqual(
      (plain.message.columns as { key: string }[]).map((c) => c.key),
      ['name', 'modified'],
    );
    const own = await lists.getListData(
      { doctype: 'HD Customer', columns: JSON.stringify([{ key: 'domain' }]), is_default: true },
      ANN,
    );
    assert.deepEqual(own.message.columns, [{ key: 'domain' }]);
    assert.equal(own.message.rows[0], 'domain');
  });

  it('passes filters with @me replaced and defaults under them, order and page length', async () => {
    const { lists, asked } = methods({});
    await lists.getListData(
      {
        doctype: 'HD Customer',
        filters: [['owner', '=', '@me']],
        default_filters: { owner: 'x', domain: 'acme.com' },
        order_by: 'domain asc',
        page_length: '5',
      },
      ANN,
    );
    assert.deepEqual(asked[0]!.filters, [
      ['owner', '=', 'ann@example.com'],
      ['domain', '=', 'acme.com'],
    ]);
    assert.equal(asked[0]!.order_by, 'domain asc');
    assert.equal(asked[0]!.limit_page_length, 5);
  });

  it('matches nothing on __assigned_on where nothing is assigned', async () => {
    const { lists, asked } = methods({});
    await lists.getListData(
      { doctype: 'HD Customer', filters: { __assigned_on: ['timespan', 'today'] } },
      ANN,
    );
    assert.deepEqual(asked[0]!.filters, { name: ['in', []] });
  });

  it('describes the groups of a group-by view', async () => {
    const { lists, asked } = methods({}, [
      { name: 'A', domain: 'b.com' },
      { name: 'B', domain: null },
      { name: 'C', domain: 'a.com' },
    ]);
    const { message } = await lists.getListData(
      {
        doctype: 'HD Customer',
        view: { view_type: 'group_by', group_by_field: 'domain' },
        order_by: 'domain desc',
      },
      ANN,
    );
    assert.ok((asked[0]!.fields as string[]).includes('domain'));
    assert.equal(message.view_type, 'group_by');
    assert.deepEqual(message.group_by_field, {
      label: 'Domain',
      name: 'domain',
      type: 'Data',
      options: [
        { label: 'b.com', value: 'b.com' },
        { label: 'a.com', value: 'a.com' },
        { label: '', value: '' },
      ],
    });
  });

  it('refuses an unknown DocType and bad arguments with Frappe errors', async () => {
    const { lists } = methods({});
    const refused = (excType: string) => (error: unknown) =>
      error instanceof FrappeError && error.excType === excType;
    await assert.rejects(lists.getListData({ doctype: 'Nope' }, ANN), refused('DoesNotExistError'));
    await assert.rejects(
      lists.getListData({ doctype: 'HD Customer', page_length: -1 }, ANN),
      refused('ValidationError'),
    );
    await assert.rejects(
      lists.getListData({ doctype: 'HD Customer', columns: '{"key":' }, ANN),
      refused('ValidationError'),
    );
  });
});

describe('helpdesk.api.doc.get_filterable_fields and friends', () => {
  it('checks that the caller may read the DocType, and gives non-agents the portal fields', async () => {
    const { lists } = methods({
      checkRead: (context) => {
        if (context.user === 'nobody')
          throw FrappeError.permission('No permission to read HD Customer');
      },
    });
    const agent = await lists.getFilterableFields({ doctype: 'HD Customer' }, ANN);
    assert.deepEqual(
      agent.message.map((f: { fieldname: string }) => f.fieldname),
      ['customer_type', 'domain', 'name', 'owner', 'modified_by', 'creation', 'modified'],
    );
    const portal = await lists.getFilterableFields({ doctype: 'HD Customer' }, CAT);
    assert.deepEqual(
      portal.message.map((f: { fieldname: string }) => f.fieldname),
      ['name', 'creation'],
    );
    await assert.rejects(
      lists.getFilterableFields({ doctype: 'HD Customer' }, { ...ANN, user: 'nobody' }),
      (error: unknown) => error instanceof FrappeError && error.excType === 'PermissionError',
    );
  });

  it('registers the four methods by their dotted names', () => {
    const { lists } = methods({});
    assert.deepEqual(
      lists.registry().map(([name]) => name),
      [
        'helpdesk.api.doc.get_list_data',
        'helpdesk.api.doc.get_filterable_fields',
        'helpdesk.api.doc.get_quick_filters',
        'helpdesk.api.doc.sort_options',
      ],
    );
  });
});
