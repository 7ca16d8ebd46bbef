import { notPermitted } from './client-input.js';

export const FIELD_TYPES = [
  'Data',
  'Link',
  'Select',
  'Small Text',
  'Text',
  'Long Text',
  'Text Editor',
  'Int',
  'Float',
  'Duration',
  'Rating',
  'Check',
  'Date',
  'Datetime',
  'Time',
  'JSON',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldMeta {
  fieldname: string;
  fieldtype: FieldType;
  /** Column in the table; defaults to `fieldname`. */
  column?: string;
  label?: string;
  options?: string;
  /** A standard field the table does not store (docstatus 0, idx 0): selected as a literal. */
  constant?: string | number;
  /** Hidden in Frappe's form and filter pickers. */
  hidden?: boolean;
  /** Offered as a quick filter above the list (Frappe's `in_standard_filter`). */
  inStandardFilter?: boolean;
}

export interface DocTypeMeta {
  doctype: string;
  /** Schema-qualified table, e.g. `ticket.hd_ticket`. */
  table: string;
  /** Every queryable field, including the standard ones (name, owner, creation, modified, modified_by). */
  fields: FieldMeta[];
  nameType: 'int' | 'text';
  /** Order used when the request has no `order_by`, e.g. `modified desc`. */
  defaultOrder: string;
}

/** How values of a field are compared and bound. */
export type ValueKind = 'text' | 'int' | 'float' | 'bool' | 'date' | 'datetime' | 'time' | 'json';

const KIND_OF: Record<FieldType, ValueKind> = {
  Data: 'text',
  Link: 'text',
  Select: 'text',
  'Small Text': 'text',
  Text: 'text',
  'Long Text': 'text',
  'Text Editor': 'text',
  Int: 'int',
  Float: 'float',
  Duration: 'float',
  Rating: 'float',
  Check: 'bool',
  Date: 'date',
  Datetime: 'datetime',
  Time: 'time',
  JSON: 'json',
};

/** A field resolved against its doctype: the identifiers here come from meta only. */
export interface QueryField {
  fieldname: string;
  /** `name` of an int-named doctype counts as Int. */
  fieldtype: FieldType;
  kind: ValueKind;
  /** The column as SQL (quoted identifier) or, for constants, a literal. */
  sql: string;
  /** Table-qualified column: in ORDER BY a bare name would mean an output alias first. */
  qualifiedSql: string;
  constant: boolean;
  /** NULL can be stored: Frappe's standard fields and constants never are. */
  nullable: boolean;
}

export interface QueryDocType {
  meta: DocTypeMeta;
  table: string;
  fields: ReadonlyMap<string, QueryField>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const NEVER_NULL = new Set(['name', 'owner', 'creation', 'modified', 'modified_by']);
const cache = new WeakMap<DocTypeMeta, QueryDocType>();

export function kindOf(fieldtype: FieldType): ValueKind {
  return KIND_OF[fieldtype];
}

/** Validates meta once (a bad meta is a programming error, not a client error) and indexes it. */
export function queryDocType(meta: DocTypeMeta): QueryDocType {
  let indexed = cache.get(meta);
  if (!indexed) {
    indexed = indexMeta(meta);
    cache.set(meta, indexed);
  }
  return indexed;
}

function indexMeta(meta: DocTypeMeta): QueryDocType {
  const parts = meta.table.split('.');
  if (parts.length > 2 || !parts.every((part) => IDENTIFIER.test(part))) {
    throw new Error(
      `${meta.doctype}: table ${JSON.stringify(meta.table)} is not a safe identifier`,
    );
  }
  const table = parts.map((part) => `"${part}"`).join('.');
  const fields = new Map<string, QueryField>();
  for (const field of meta.fields) {
    const column = field.column ?? field.fieldname;
    if (!IDENTIFIER.test(field.fieldname) || field.fieldname === '__proto__') {
      throw new Error(`${meta.doctype}: fieldname ${JSON.stringify(field.fieldname)} is not safe`);
    }
    if (!IDENTIFIER.test(column)) {
      throw new Error(`${meta.doctype}: column ${JSON.stringify(column)} is not safe`);
    }
    if (!(FIELD_TYPES as readonly string[]).includes(field.fieldtype)) {
      throw new Error(`${meta.doctype}.${field.fieldname}: unknown fieldtype ${field.fieldtype}`);
    }
    if (fields.has(field.fieldname)) {
      throw new Error(`${meta.doctype}: field ${field.fieldname} is declared twice`);
    }
    const fieldtype =
      field.fieldname === 'name' && meta.nameType === 'int' ? 'Int' : field.fieldtype;
    const constant = field.constant !== undefined;
    const sql = constant ? literal(field.constant as string | number) : `"${column}"`;
    fields.set(field.fieldname, {
      fieldname: field.fieldname,
      fieldtype,
      kind: kindOf(fieldtype),
      sql,
      qualifiedSql: constant ? sql : `${table}.${sql}`,
      constant,
      nullable: !constant && !NEVER_NULL.has(field.fieldname),
    });
  }
  if (!fields.has('name')) throw new Error(`${meta.doctype}: meta must declare the name field`);
  return { meta, table, fields };
}

function literal(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`constant ${value} is not finite`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'::text`;
}

// `tabHD Ticket`.`name`, "tabHD Ticket"."name", tabHD Ticket.name, `name`, name
const FIELD_REF =
  /^(?:(?:`tab([^`]+)`|"tab([^"]+)"|tab([^.`"]+))\s*\.\s*)?(?:`([^`]+)`|"([^"]+)"|([A-Za-z0-9_]+))$/;

/** Finds the field a client refers to, in any of Frappe's quoting forms; anything else is refused. */
export function resolveField(doctype: QueryDocType, ref: string): QueryField {
  const match = FIELD_REF.exec(ref.trim());
  if (!match) throw notPermitted(ref);
  const table = match[1] ?? match[2] ?? match[3];
  if (table !== undefined && table.trim() !== doctype.meta.doctype) throw notPermitted(ref);
  const fieldname = match[4] ?? match[5] ?? match[6] ?? '';
  const field = doctype.fields.get(fieldname);
  if (!field) throw notPermitted(ref);
  return field;
}
