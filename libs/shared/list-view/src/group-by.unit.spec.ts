import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import { groupByField } from './group-by.js';

const META: DocTypeMeta = {
  doctype: 'HD Ticket',
  table: 'ticket.hd_ticket',
  nameType: 'int',
  defaultOrder: 'modified desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Int' },
    { fieldname: 'priority', fieldtype: 'Select', options: 'Low\nHigh' },
    { fieldname: 'agent_group', fieldtype: 'Link', options: 'HD Team', label: 'Team' },
  ],
};

const rows = (...teams: (string | null)[]) => teams.map((agent_group) => ({ agent_group }));

describe('group-by views', () => {
  it('offers a Select field’s options as Frappe lists them', () => {
    assert.deepEqual(groupByField(META, 'priority', [], undefined), {
      label: 'Priority',
      name: 'priority',
      type: 'Select',
      options: ['Low', 'High'],
    });
  });

  it('groups other fields by the values on the page, by label with the empty group, General first', () => {
    const field = groupByField(
      META,
      'agent_group',
      rows('Sales', null, 'General', 'Billing', 'Sales'),
      'modified desc',
    );
    assert.deepEqual(field, {
      label: 'Team',
      name: 'agent_group',
      type: 'Link',
      options: [
        { label: 'General', value: 'General' },
        { label: '', value: '' },
        { label: 'Billing', value: 'Billing' },
        { label: 'Sales', value: 'Sales' },
      ],
    });
  });

  it('sorts descending when the list is ordered by the field descending', () => {
    const field = groupByField(
      META,
      'agent_group',
      rows('Billing', 'Sales'),
      'agent_group desc, name asc',
    );
    assert.deepEqual(typeof field === 'object' && field.options, [
      { label: 'Sales', value: 'Sales' },
      { label: 'Billing', value: 'Billing' },
    ]);
  });

  it('answers the field name itself for a field the DocType does not have', () => {
    assert.equal(groupByField(META, 'nope', [], undefined), 'nope');
  });
});
