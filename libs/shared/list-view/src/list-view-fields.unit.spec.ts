import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocTypeMeta } from '@helpdesk/shared-frappe-query';
import { filterableFields, labelOf, quickFilters, sortOptions } from './list-view-fields.js';

const META: DocTypeMeta = {
  doctype: 'HD Ticket',
  table: 'ticket.hd_ticket',
  nameType: 'int',
  defaultOrder: 'modified desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Int', label: 'ID' },
    { fieldname: 'owner', fieldtype: 'Link', options: 'User', label: 'Created By' },
    { fieldname: 'creation', fieldtype: 'Datetime', label: 'Created On' },
    { fieldname: 'modified', fieldtype: 'Datetime' },
    { fieldname: 'modified_by', fieldtype: 'Link', options: 'User' },
    { fieldname: 'docstatus', fieldtype: 'Int', constant: 0 },
    { fieldname: 'subject', fieldtype: 'Data', inStandardFilter: true },
    { fieldname: 'status', fieldtype: 'Link', options: 'HD Ticket Status' },
    { fieldname: 'agent_group', fieldtype: 'Link', options: 'HD Team', label: 'Team' },
    { fieldname: 'customer', fieldtype: 'Link', options: 'HD Customer', inStandardFilter: true },
    { fieldname: 'agreement_status', fieldtype: 'Select', options: '\nFailed\nFulfilled' },
    { fieldname: 'opening_time', fieldtype: 'Time' },
    { fieldname: 'content_type', fieldtype: 'Data', hidden: true },
    { fieldname: '_assign', fieldtype: 'JSON', label: 'Assigned To' },
  ],
};

const names = (fields: { fieldname: string }[]) => fields.map((f) => f.fieldname);

describe('list view fields', () => {
  it('labels fields as Frappe does when the DocType gives none', () => {
    assert.equal(labelOf({ fieldname: 'ticket_type', fieldtype: 'Link' }), 'Ticket Type');
    assert.equal(labelOf({ fieldname: 'agent_group', fieldtype: 'Link', label: 'Team' }), 'Team');
  });

  it('offers visible value fields, "Assigned to", then the standard fields', () => {
    const fields = filterableFields(META, { portal: false, hideTeam: false });
    assert.deepEqual(names(fields), [
      'subject',
      'status',
      'agent_group',
      'customer',
      'agreement_status',
      '_assign',
      'name',
      'owner',
      'modified_by',
      'creation',
      'modified',
    ]);
    assert.deepEqual(
      fields.find((f) => f.fieldname === '_assign'),
      {
        fieldname: '_assign',
        fieldtype: 'Link',
        label: 'Assigned to',
        name: '_assign',
        options: 'HD Agent',
      },
    );
  });

  it('hides the team under team restriction and limits the portal to its fields', () => {
    assert.ok(
      !names(filterableFields(META, { portal: false, hideTeam: true })).includes('agent_group'),
    );
    assert.deepEqual(names(filterableFields(META, { portal: true, hideTeam: false })), [
      'subject',
      'status',
      'customer',
      'name',
      'creation',
    ]);
  });

  it('puts ID first in quick filters and drops customer on the portal', () => {
    assert.deepEqual(quickFilters(META, false), [
      { label: 'ID', name: 'name', type: 'Data' },
      { label: 'Subject', name: 'subject', type: 'Data', options: null },
      { label: 'Customer', name: 'customer', type: 'Link', options: 'HD Customer' },
    ]);
    assert.deepEqual(
      quickFilters(META, true).map((f) => f.name),
      ['name', 'subject'],
    );
  });

  it('offers only the ID as a Contact quick filter, and no ID where Frappe offers none', () => {
    const contact = { ...META, doctype: 'Contact' };
    assert.deepEqual(quickFilters(contact, false), [{ label: 'ID', name: 'name', type: 'Data' }]);
    assert.deepEqual(
      quickFilters({ ...META, doctype: 'HD Team' }, false).map((f) => f.name),
      ['subject', 'customer'],
    );
  });

  it('sorts by value fields and standard fields', () => {
    const options = sortOptions(META, false);
    assert.deepEqual(options.at(0), { label: 'Subject', value: 'subject' });
    assert.deepEqual(options.at(-1), { label: 'Modified', value: 'modified' });
  });
});
