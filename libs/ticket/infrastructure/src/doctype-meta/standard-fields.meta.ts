import type { FieldMeta } from '@helpdesk/shared-frappe-query';

/** Frappe's standard columns of a hash- or label-named DocType; docstatus and idx are always 0. */
export const STANDARD_FIELDS: readonly FieldMeta[] = [
  { fieldname: 'name', fieldtype: 'Data' },
  { fieldname: 'owner', fieldtype: 'Link', options: 'User' },
  { fieldname: 'creation', fieldtype: 'Datetime' },
  { fieldname: 'modified', fieldtype: 'Datetime' },
  { fieldname: 'modified_by', fieldtype: 'Link', options: 'User' },
  { fieldname: 'docstatus', fieldtype: 'Int', constant: 0 },
  { fieldname: 'idx', fieldtype: 'Int', constant: 0 },
];
