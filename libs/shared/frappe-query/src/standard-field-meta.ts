import type { DocTypeMeta, FieldMeta } from './doctype-meta.js';

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

/** Meta of a DocType named by text (a label, an email, a hash), with Frappe's standard fields. */
export function textNamedMeta(
  doctype: string,
  table: string,
  defaultOrder: string,
  fields: FieldMeta[],
): DocTypeMeta {
  return {
    doctype,
    table,
    nameType: 'text',
    defaultOrder,
    fields: [...STANDARD_FIELDS, ...fields],
  };
}
