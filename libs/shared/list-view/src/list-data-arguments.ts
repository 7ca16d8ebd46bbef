import { FrappeError, jsonArgument, objectArgument } from '@helpdesk/shared-frappe-api';

/** A JSON list argument (`columns`, `rows`), sent as a list or as JSON text. */
export function listArgument(value: unknown, key: string): unknown[] {
  const parsed = jsonArgument(value ?? [], key);
  if (!Array.isArray(parsed)) throw FrappeError.validation(`${key} must be a JSON list`);
  return parsed;
}

/** The field a column shows: a column is `{key, label, …}` or just the key. */
export function columnKey(column: unknown): string {
  const key =
    typeof column === 'object' && column !== null ? (column as { key?: unknown }).key : column;
  if (typeof key !== 'string' || key === '') {
    throw FrappeError.validation('each column needs a key');
  }
  return key;
}

/** `page_length`: 20 unless given; a non-negative whole number. */
export function pageLengthOf(value: unknown): number {
  if (value === undefined || value === null || value === '') return 20;
  const length = Number(value);
  if (!Number.isInteger(length) || length < 0) {
    throw FrappeError.validation('page_length must be a non-negative integer');
  }
  return length;
}

/** The caller's filters with `default_filters` filling in under them: an explicit filter wins. */
export function filtersWithDefaults(params: Record<string, unknown>): unknown {
  const filters = jsonArgument(params.filters ?? {}, 'filters');
  const defaults = objectArgument(params.default_filters ?? {}, 'default_filters');
  if (typeof filters !== 'object' || filters === null) {
    throw FrappeError.validation('filters must be a JSON object or list');
  }
  if (Array.isArray(filters)) {
    const given = new Set(filters.map((f: unknown) => (Array.isArray(f) ? f[0] : undefined)));
    const extra = Object.entries(defaults)
      .filter(([field]) => !given.has(field))
      .map(([field, value]) => (Array.isArray(value) ? [field, ...value] : [field, '=', value]));
    return [...filters, ...extra];
  }
  return { ...defaults, ...filters };
}

/** The view a list page shows (`{name, view_type, group_by_field, …}`), or none. */
export function viewArgument(value: unknown): { viewType?: string; groupByField?: string } {
  if (value === undefined || value === null) return {};
  const view = objectArgument(value, 'view');
  const text = (key: string) =>
    typeof view[key] === 'string' && view[key] !== '' ? view[key] : undefined;
  return { viewType: text('view_type'), groupByField: text('group_by_field') };
}
