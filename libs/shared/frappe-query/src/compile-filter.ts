import { invalid, shown } from './client-input.js';
import { type QueryDocType, type QueryField, resolveField } from './doctype-meta.js';
import type { FilterCondition, Operator, Scalar } from './filter-shapes.js';
import type { FilterContext, Predicate } from './predicate.js';
import { between, inDayRange } from './range-predicates.js';
import type { SqlParams } from './sql-params.js';
import { periodRange, timespanRange } from './timespan.js';
import { compare, inList, isSet, like } from './value-predicates.js';

export type { FilterContext } from './predicate.js';

function scalarOf(condition: FilterCondition): Scalar {
  if (Array.isArray(condition.value)) {
    throw invalid(
      `Operator "${condition.operator}" needs a single value: ${shown(condition.value)}`,
    );
  }
  return condition.value;
}

function predicate(
  field: QueryField,
  operator: Operator,
  condition: FilterCondition,
  context: FilterContext,
  params: SqlParams,
): Predicate {
  switch (operator) {
    case '=':
    case '!=':
    case '>':
    case '<':
    case '>=':
    case '<=':
      return compare(field, operator, scalarOf(condition), context, params);
    case 'like':
    case 'not like':
      return like(field, operator === 'not like', scalarOf(condition), context, params);
    case 'in':
    case 'not in':
      return inList(field, operator === 'not in', condition.value, context, params);
    case 'between':
      return between(field, condition.value, context, params);
    case 'timespan':
      return inDayRange(
        field,
        timespanRange(condition.value, context.now, context.timeZone),
        context,
        params,
      );
    case 'previous':
    case 'next': {
      const range = periodRange(operator, condition.value, context.now, context.timeZone);
      return inDayRange(field, range, context, params);
    }
    case 'is':
      return isSet(field, scalarOf(condition));
  }
}

/** One filter as a self-contained SQL boolean expression (safe to join with AND / OR). */
export function compileCondition(
  doctype: QueryDocType,
  condition: FilterCondition,
  context: FilterContext,
  params: SqlParams,
): string {
  if (condition.doctype !== undefined && condition.doctype !== doctype.meta.doctype) {
    throw invalid(
      `Filters on ${shown(condition.doctype)} are not supported when listing ${doctype.meta.doctype}`,
    );
  }
  const field = resolveField(doctype, condition.field);
  const { sql, emptyMatches } = predicate(field, condition.operator, condition, context, params);
  return field.nullable && emptyMatches ? `(${sql} OR ${field.sql} IS NULL)` : sql;
}
