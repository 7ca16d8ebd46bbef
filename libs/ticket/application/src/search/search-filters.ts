import { assertPlainJson } from '@helpdesk/shared-frappe-api';

/** The metadata every search result carries, and so what `filters` may name. */
export const SEARCH_FILTER_FIELDS = [
  'doctype',
  'name',
  'agent_group',
  'customer',
  'status',
  'priority',
  'owner',
  'reference_doctype',
  'reference_name',
  'reference_ticket',
] as const;
export type SearchFilterField = (typeof SEARCH_FILTER_FIELDS)[number];

/** One field's condition: equal to one of `values`, or (`like`) containing one of them. */
export interface SearchFilter {
  field: SearchFilterField;
  match: 'equals' | 'like';
  /** Empty matches nothing. */
  values: string[];
}

export interface ParsedSearchFilters {
  /** What the caller asked for, echoed as `summary.applied_filters`. */
  applied: Record<string, unknown>;
  conditions: SearchFilter[];
  /** A condition no document can meet (an unknown field, a value that is not text or a number). */
  matchesNothing: boolean;
}

const FIELDS: ReadonlySet<string> = new Set(SEARCH_FILTER_FIELDS);

/**
 * Frappe's `search(filters=…)`: a JSON object of field → value or list of values. Text that is
 * not a JSON object is ignored, as Frappe ignores it. Per field, as Frappe's SQLite search reads
 * it: an empty list matches nothing, another empty value (null, "", 0, false) is no condition,
 * `["LIKE", x]` (x a value or a list) means "contains", a list means "one of", anything else
 * "equal to". Frappe fails the query on a field its index lacks, which returns no results; so
 * does a field unknown here.
 */
export function parseSearchFilters(raw: unknown): ParsedSearchFilters {
  const applied = filtersObject(raw);
  const conditions: SearchFilter[] = [];
  let matchesNothing = false;
  for (const [field, value] of Object.entries(applied)) {
    if (isEmpty(value)) continue;
    if (!FIELDS.has(field)) {
      matchesNothing = true;
      continue;
    }
    const condition = fieldCondition(field as SearchFilterField, value);
    if (condition) conditions.push(condition);
    else matchesNothing = true;
  }
  return { applied, conditions, matchesNothing };
}

function filtersObject(raw: unknown): Record<string, unknown> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
    } catch {
      return {};
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  // Parsed here rather than at the edge, so the edge's checks (depth, NUL, prototype keys) are
  // repeated on what the text held.
  assertPlainJson(value, 'filters', { prototypeKeys: false });
  return value as Record<string, unknown>;
}

/** Python's falsy values, except the empty list (which matches nothing). */
function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || value === 0 || value === false;
}

function fieldCondition(field: SearchFilterField, value: unknown): SearchFilter | undefined {
  if (Array.isArray(value) && value.length === 2 && value[0] === 'LIKE') {
    const values = scalars(Array.isArray(value[1]) ? value[1] : [value[1]]);
    return values && { field, match: 'like', values };
  }
  const values = scalars(Array.isArray(value) ? value : [value]);
  return values && { field, match: 'equals', values };
}

/** The values as text, as stored; undefined when one is a list or an object. */
function scalars(values: unknown[]): string[] | undefined {
  const texts: string[] = [];
  for (const value of values) {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) texts.push(String(value));
    else if (typeof value === 'boolean') texts.push(value ? '1' : '0');
    else return undefined;
  }
  return texts;
}
