import { invalid, shown } from './client-input.js';
import type { QueryField } from './doctype-meta.js';
import type { FilterValue } from './filter-shapes.js';
import { type BoundValue, bindValue, CAST, EMPTY, instantParam } from './filter-values.js';
import { type FilterContext, type Predicate, valueSql } from './predicate.js';
import { addDays, startOfSiteDay } from './site-time.js';
import type { SqlParams } from './sql-params.js';
import type { DayRange } from './timespan.js';

/** Bind parameters for [first instant of `from`, first instant after `to`) in the site zone. */
export function siteDayRange(range: DayRange, context: FilterContext, params: SqlParams) {
  const from = instantParam(startOfSiteDay(range.from, context.timeZone));
  const until = instantParam(startOfSiteDay(addDays(range.to, 1), context.timeZone));
  return { from: params.add(from, 'timestamptz'), until: params.add(until, 'timestamptz') };
}

/** `between [from, to]`, both ends inclusive, as Frappe's `get_between_date_filter`. */
export function between(
  field: QueryField,
  value: FilterValue,
  context: FilterContext,
  params: SqlParams,
): Predicate {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    value.some((end) => end === null || end === '')
  ) {
    throw invalid(`between needs [from, to] for ${field.fieldname}: ${shown(value)}`);
  }
  const [from, to] = value.map((end) => bindValue(field, end, context.timeZone)) as [
    BoundValue,
    BoundValue,
  ];
  const empty = EMPTY[field.kind].key;
  const column = valueSql(field);
  const lower = params.add(from.param, CAST[field.kind]);
  if (to.day !== undefined) {
    // A date-only end on a Datetime field covers that whole day.
    const untilKey = startOfSiteDay(addDays(to.day, 1), context.timeZone);
    const until = params.add(instantParam(untilKey), 'timestamptz');
    return {
      sql: `(${column} >= ${lower} AND ${column} < ${until})`,
      emptyMatches: from.key <= empty && Number(empty) < untilKey,
    };
  }
  const upper = params.add(to.param, CAST[field.kind]);
  return {
    sql: `${column} BETWEEN ${lower} AND ${upper}`,
    emptyMatches: from.key <= empty && empty <= to.key,
  };
}

/** `timespan` / `previous` / `next`: whole calendar days, in the site zone for Datetime fields. */
export function inDayRange(
  field: QueryField,
  range: DayRange,
  context: FilterContext,
  params: SqlParams,
): Predicate {
  if (field.kind === 'date') {
    const from = params.add(range.from, 'date');
    const to = params.add(range.to, 'date');
    return { sql: `${field.sql} BETWEEN ${from} AND ${to}`, emptyMatches: false };
  }
  if (field.kind !== 'datetime') {
    throw invalid(`${field.fieldname} is not a Date or Datetime field`);
  }
  const day = siteDayRange(range, context, params);
  return {
    sql: `(${field.sql} >= ${day.from} AND ${field.sql} < ${day.until})`,
    emptyMatches: false,
  };
}
