import { invalid } from './client-input.js';
import {
  type DocTypeMeta,
  type FieldType,
  type QueryDocType,
  type QueryField,
  queryDocType,
  resolveField,
} from './doctype-meta.js';
import { compileCondition, type FilterContext } from './compile-filter.js';
import type { CountParams, ListParams } from './list-params.js';
import { type OrderTerm, parseOrderBy, type SortKey } from './order-by.js';
import { expressionSql, type Expression, type OutputColumn, compileSelect } from './select-list.js';
import { type SqlFragment, SqlParams } from './sql-params.js';

export interface QueryContext extends FilterContext {
  /** Row-level permission condition from the service, ANDed in; its `$n` are renumbered. */
  extraWhere?: SqlFragment;
}

export interface CompiledList extends SqlFragment {
  /** Output keys, in select order (the order of `as_dict: false` rows). */
  columns: string[];
  /** Field type of every output key, for `renderRow`. */
  fieldtypes: ReadonlyMap<string, FieldType>;
}

function whereClause(
  doctype: QueryDocType,
  params: CountParams,
  context: QueryContext,
  sql: SqlParams,
): string {
  const parts = params.filters.map((condition) =>
    compileCondition(doctype, condition, context, sql),
  );
  const alternatives = params.orFilters.map((condition) =>
    compileCondition(doctype, condition, context, sql),
  );
  if (alternatives.length > 0) parts.push(`(${alternatives.join(' OR ')})`);
  if (context.extraWhere) parts.push(`(${sql.append(context.extraWhere)})`);
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}

/** MariaDB, which Frappe was built on, sorts NULL as the smallest value; Postgres as the largest. */
function nullsClause(expression: Expression, descending: boolean): string {
  const nullable =
    expression.kind === 'field' ? expression.field.nullable : expression.fn !== 'count';
  if (!nullable) return '';
  return descending ? ' NULLS LAST' : ' NULLS FIRST';
}

function termSql(term: OrderTerm, grouped: ReadonlySet<string> | undefined): string | undefined {
  const direction = term.descending ? 'DESC' : 'ASC';
  let key: SortKey = term.key;
  if (key.kind === 'alias') {
    return `"${key.column.key}" ${direction}${nullsClause(key.column.expression, term.descending)}`;
  }
  if (key.kind === 'field') {
    if (key.field.constant) return undefined;
    if (grouped && !grouped.has(key.field.fieldname)) {
      // Ordering groups by a field that varies inside them: take each group's extreme value.
      key = {
        kind: 'aggregate',
        fn: term.descending ? 'max' : 'min',
        distinct: false,
        field: key.field,
      };
    }
  } else if (!grouped) {
    throw invalid('An aggregate in order_by needs group_by');
  }
  const sql =
    key.kind === 'field' && key.field.kind !== 'json' ? key.field.qualifiedSql : expressionSql(key);
  return `${sql} ${direction}${nullsClause(key, term.descending)}`;
}

function orderClause(
  doctype: QueryDocType,
  params: ListParams,
  outputs: OutputColumn[],
  groupFields: QueryField[],
  aggregated: boolean,
): string {
  const terms = parseOrderBy(doctype, params.orderBy ?? doctype.meta.defaultOrder, outputs);
  const grouping = groupFields.length > 0;
  // Without group_by an aggregate query yields one row; Frappe's default order is meaningless.
  if (aggregated && !grouping) return '';
  const grouped = grouping ? new Set(groupFields.map((field) => field.fieldname)) : undefined;
  const parts = terms.map((term) => termSql(term, grouped)).filter((sql) => sql !== undefined);
  const orderedFields = new Set(
    terms.flatMap((term) => (term.key.kind === 'field' ? [term.key.field.fieldname] : [])),
  );
  if (grouping) {
    for (const field of groupFields) {
      if (!field.constant && !orderedFields.has(field.fieldname)) {
        parts.push(`${field.qualifiedSql} ASC${nullsClause({ kind: 'field', field }, false)}`);
      }
    }
  } else if (!orderedFields.has('name')) {
    // A unique last key keeps pages stable when the sort key has ties.
    const descending = terms.at(-1)?.descending ?? true;
    parts.push(`${doctype.fields.get('name')?.qualifiedSql} ${descending ? 'DESC' : 'ASC'}`);
  }
  return parts.length > 0 ? `ORDER BY ${parts.join(', ')}` : '';
}

function checkGrouping(outputs: OutputColumn[], groupFields: QueryField[]): void {
  const grouped = new Set(groupFields.map((field) => field.fieldname));
  for (const output of outputs) {
    const { expression } = output;
    if (expression.kind === 'field' && !expression.field.constant) {
      if (!grouped.has(expression.field.fieldname)) {
        throw invalid(`${output.key} must be in group_by or inside an aggregate`);
      }
    }
  }
}

/** `frappe.client.get_list` / `GET /api/resource/:doctype` as one parameterised SELECT. */
export function compileList(
  meta: DocTypeMeta,
  params: ListParams,
  context: QueryContext,
): CompiledList {
  const doctype = queryDocType(meta);
  const outputs = compileSelect(doctype, params.fields);
  const groupFields = [
    ...new Map(
      params.groupBy.map((ref) => resolveField(doctype, ref)).map((f) => [f.fieldname, f]),
    ).values(),
  ];
  const aggregated = outputs.some((output) => output.expression.kind === 'aggregate');
  if (aggregated || groupFields.length > 0) checkGrouping(outputs, groupFields);

  const sql = new SqlParams();
  const select = outputs
    .map((output) =>
      output.sql === `"${output.key}"` ? output.sql : `${output.sql} AS "${output.key}"`,
    )
    .join(', ');
  const where = whereClause(doctype, params, context, sql);
  const groupColumns = groupFields.filter((field) => !field.constant).map((field) => field.sql);
  const groupBy = groupColumns.length > 0 ? `GROUP BY ${groupColumns.join(', ')}` : '';
  const orderBy = orderClause(doctype, params, outputs, groupFields, aggregated);
  const limit = `LIMIT ${sql.add(params.pageLength)} OFFSET ${sql.add(params.start)}`;
  const text = [`SELECT ${select}`, `FROM ${doctype.table}`, where, groupBy, orderBy, limit]
    .filter((clause) => clause !== '')
    .join(' ');
  return {
    text,
    values: sql.values,
    columns: outputs.map((output) => output.key),
    fieldtypes: new Map(outputs.map((output) => [output.key, output.fieldtype])),
  };
}

/** `frappe.client.get_count`: the number of rows the same filters (and permission) select. */
export function compileCount(
  meta: DocTypeMeta,
  params: CountParams,
  context: QueryContext,
): SqlFragment {
  const doctype = queryDocType(meta);
  const sql = new SqlParams();
  const where = whereClause(doctype, params, context, sql);
  const text = [`SELECT count(*) AS "count"`, `FROM ${doctype.table}`, where]
    .filter((clause) => clause !== '')
    .join(' ');
  return { text, values: sql.values };
}
