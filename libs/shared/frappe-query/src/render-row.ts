import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import { type DocTypeMeta, type FieldType, queryDocType } from './doctype-meta.js';
import type { CompiledList } from './compile-list.js';

/** Python's `json.dumps` spacing, which is how Frappe's JSON columns (`_assign`) read on the wire. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${pythonJson(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Frappe serialises a Time (a Python timedelta) as `H:MM:SS[.ffffff]`. */
function timedelta(value: string): string {
  const match = /^(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const fraction = match[4] && Number(match[4]) !== 0 ? `.${match[4].padEnd(6, '0')}` : '';
  return `${Number(match[1])}:${match[2]}:${match[3]}${fraction}`;
}

function localDate(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(value.getFullYear()).padStart(4, '0')}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** One database value as Frappe puts it on the wire. */
export function renderValue(
  fieldtype: FieldType | undefined,
  value: unknown,
  timeZone: string,
): unknown {
  if (value === null || value === undefined) return null;
  switch (fieldtype) {
    case 'Datetime': {
      const instant = value instanceof Date ? value : new Date(String(value));
      return Number.isNaN(instant.getTime()) ? value : formatFrappeDatetime(instant, timeZone);
    }
    case 'Date':
      // node-postgres turns `date` into local midnight; the query selects it as text instead.
      return value instanceof Date ? localDate(value) : String(value).slice(0, 10);
    case 'Time':
      return timedelta(String(value));
    case 'Check':
      return value === true || value === 't' || value === 'true' || Number(value) === 1 ? 1 : 0;
    case 'Int':
    case 'Float':
    case 'Duration':
    case 'Rating':
      // bigint and numeric arrive as strings.
      return typeof value === 'number' ? value : Number(value);
    case 'JSON':
      return typeof value === 'string' ? value : pythonJson(value);
    default:
      if (value instanceof Date) return formatFrappeDatetime(value, timeZone);
      return typeof value === 'bigint' ? Number(value) : value;
  }
}

/**
 * A database row as Frappe's wire values. Keys are typed by `fieldtypes` (from `compileList`, which
 * knows aliases and aggregates) and otherwise by the doctype's fields.
 */
export function renderRow(
  meta: DocTypeMeta,
  row: Record<string, unknown>,
  timeZone: string,
  fieldtypes?: ReadonlyMap<string, FieldType>,
): Record<string, unknown> {
  const fields = queryDocType(meta).fields;
  // fromEntries defines own properties, so even a key named __proto__ stays data.
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      const fieldtype = fieldtypes?.get(key) ?? fields.get(key)?.fieldtype;
      return [key, renderValue(fieldtype, value, timeZone)];
    }),
  );
}

/** A row as a list in `columns` order, for `as_dict: false`. */
export function toListRow(row: Record<string, unknown>, columns: readonly string[]): unknown[] {
  return columns.map((column) => (Object.hasOwn(row, column) ? row[column] : null));
}

/** The result of a compiled list query, rendered as Frappe returns it (dicts or lists). */
export function renderList(
  meta: DocTypeMeta,
  query: CompiledList,
  rows: Record<string, unknown>[],
  options: { timeZone: string; asDict: boolean },
): Record<string, unknown>[] | unknown[][] {
  const rendered = rows.map((row) => renderRow(meta, row, options.timeZone, query.fieldtypes));
  return options.asDict ? rendered : rendered.map((row) => toListRow(row, query.columns));
}
