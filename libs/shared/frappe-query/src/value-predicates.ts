import { invalid, isTruthy, shown } from './client-input.js';
import type { QueryField } from './doctype-meta.js';
import type { FilterValue, Scalar } from './filter-shapes.js';
import { bindValue, CAST, EMPTY } from './filter-values.js';
import { type FilterContext, type Predicate, valueSql } from './predicate.js';
import { siteDayRange } from './range-predicates.js';
import type { SqlParams } from './sql-params.js';

const MAX_LIST_VALUES = 10_000;
const JSON_EMPTY = `('""', '[]', '{}', 'null')`;

export type Comparison = '=' | '!=' | '>' | '<' | '>=' | '<=';
const SQL_OPERATOR: Record<Comparison, string> = {
  '=': '=',
  '!=': '<>',
  '>': '>',
  '<': '<',
  '>=': '>=',
  '<=': '<=',
};

function holds(left: number | string, operator: Comparison, right: number | string): boolean {
  switch (operator) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '>':
      return left > right;
    case '<':
      return left < right;
    case '>=':
      return left >= right;
    case '<=':
      return left <= right;
  }
}

/** `= != > < >= <=`; a bare date on a Datetime field means that whole day for `=` and `!=`. */
export function compare(
  field: QueryField,
  operator: Comparison,
  raw: Scalar,
  context: FilterContext,
  params: SqlParams,
): Predicate {
  const bound = bindValue(field, raw, context.timeZone);
  const column = valueSql(field);
  if (bound.day !== undefined && (operator === '=' || operator === '!=')) {
    const day = siteDayRange({ from: bound.day, to: bound.day }, context, params);
    return operator === '='
      ? { sql: `(${column} >= ${day.from} AND ${column} < ${day.until})`, emptyMatches: false }
      : { sql: `(${column} < ${day.from} OR ${column} >= ${day.until})`, emptyMatches: true };
  }
  const value = params.add(bound.param, CAST[field.kind]);
  return {
    sql: `${column} ${SQL_OPERATOR[operator]} ${value}`,
    emptyMatches: holds(EMPTY[field.kind].key, operator, bound.key),
  };
}

function likeSql(field: QueryField, context: FilterContext, params: SqlParams): string {
  switch (field.kind) {
    case 'text':
      return field.sql;
    case 'bool':
      return `${field.sql}::int::text`;
    case 'datetime': {
      // Matched against the naive site-zone text Frappe would have stored.
      const zone = params.add(context.timeZone, 'text');
      return `to_char(${field.sql} AT TIME ZONE ${zone}, 'YYYY-MM-DD HH24:MI:SS.US')`;
    }
    default:
      return `${field.sql}::text`;
  }
}

/** `like` / `not like`, case-insensitive as Frappe on Postgres (MariaDB's collation is, too). */
export function like(
  field: QueryField,
  negated: boolean,
  raw: Scalar,
  context: FilterContext,
  params: SqlParams,
): Predicate {
  if (typeof raw === 'boolean') throw invalid(`Invalid like pattern: ${shown(raw)}`);
  const pattern = raw === null ? '' : String(raw);
  const column = likeSql(field, context, params);
  // Frappe escapes backslashes, so a backslash in a pattern is literal; % and _ stay wildcards.
  const value = params.add(pattern.replace(/\\/g, '\\\\'), 'text');
  const emptyLike = /^%*$/.test(pattern);
  // Frappe skips its ifnull() for `like` with a non-empty pattern.
  return negated
    ? { sql: `${column} NOT ILIKE ${value}`, emptyMatches: !emptyLike }
    : { sql: `${column} ILIKE ${value}`, emptyMatches: !isTruthy(raw) };
}

function listOf(value: FilterValue): Scalar[] {
  if (Array.isArray(value)) return value;
  if (value === null) return [];
  if (typeof value === 'string') return value.split(',').map((item) => item.trim());
  return [value];
}

/** `in` / `not in` with a list or a comma-separated string, bound as one array parameter. */
export function inList(
  field: QueryField,
  negated: boolean,
  value: FilterValue,
  context: FilterContext,
  params: SqlParams,
): Predicate {
  const items = listOf(value);
  if (items.length > MAX_LIST_VALUES) {
    throw invalid(`Too many values for ${field.fieldname} (at most ${MAX_LIST_VALUES})`);
  }
  if (items.length === 0) return { sql: negated ? 'TRUE' : 'FALSE', emptyMatches: false };
  const bound = items.map((item) => bindValue(field, item, context.timeZone));
  const list = params.add(
    bound.map((item) => item.param),
    `${CAST[field.kind]}[]`,
  );
  const hasEmpty = bound.some((item) => item.key === EMPTY[field.kind].key);
  const column = valueSql(field);
  return negated
    ? { sql: `${column} <> ALL(${list})`, emptyMatches: !hasEmpty }
    : { sql: `${column} = ANY(${list})`, emptyMatches: hasEmpty };
}

/** `is set` / `is not set`: on text, '' counts as not set. */
export function isSet(field: QueryField, raw: Scalar): Predicate {
  const wanted = typeof raw === 'string' ? raw.trim().toLowerCase() : raw;
  if (wanted !== 'set' && wanted !== 'not set') {
    throw invalid(`Value for "is" must be "set" or "not set": ${shown(raw)}`);
  }
  const set = wanted === 'set';
  const column = field.sql;
  let sql: string;
  if (field.kind === 'text') {
    sql = set
      ? `(${column} IS NOT NULL AND ${column} <> '')`
      : `(${column} IS NULL OR ${column} = '')`;
  } else if (field.kind === 'json') {
    // An emptied assignment list is stored as [], which is "not set" to anyone filtering on it.
    sql = set
      ? `(${column} IS NOT NULL AND ${column}::text NOT IN ${JSON_EMPTY})`
      : `(${column} IS NULL OR ${column}::text IN ${JSON_EMPTY})`;
  } else {
    sql = set ? `${column} IS NOT NULL` : `${column} IS NULL`;
  }
  return { sql, emptyMatches: false };
}
