/**
 * Frappe list/query parameters → parameterised Postgres SQL.
 *
 * Accepted (Frappe REST §3.1–3.3): `fields` (JSON list, `"*"`, `"f as alias"`, v15 aggregate strings
 * `count(name) as n` / `count(*)` / `count(distinct f)` / `sum|avg|min|max(f)`, v16 dicts
 * `{"COUNT": "name", "as": "n"}`), `filters` and `or_filters` in every shape (`{f: v}`,
 * `{f: [op, v]}`, `[f, op, v]`, `[doctype, f, op, v]`), `order_by`, `group_by`, `limit_start`
 * (`start`), `limit_page_length` (`limit`, `page_length`), `as_dict`. Field references may use
 * Frappe's quoting: `` `tabHD Ticket`.`name` ``, `tabHD Ticket.name`, `` `name` ``.
 *
 * Operators: = != > < >= (=>) <= (=<) like, not like (case-insensitive, as Frappe on Postgres),
 * in, not in, is set / not set, between, timespan, previous, next. Frappe's `ifnull(col, empty)`
 * semantics are kept: a condition the field's empty value ('' / 0 / false / 0001-01-01) satisfies
 * also matches NULL, so `!=`, `not like` and `not in` match NULL and `= ''` matches NULL. Datetimes
 * arrive as naive site-zone text and become UTC instants; day boundaries (`timespan`, a date-only
 * `between` end) are computed in the site zone from `context.now`.
 *
 * Injection is excluded by construction: every identifier in the SQL text comes from `DocTypeMeta`
 * (validated as plain lower-case identifiers once) after the client's name was looked up in it;
 * aliases must be simple identifiers and are quoted; operators, aggregate functions and sort
 * directions are matched against fixed lists; every client value is a bind parameter (`$n`) with an
 * explicit cast, so no value is ever spliced into the text. Anything unrecognised is a 417
 * `FrappeError` (ValidationError or DataError) naming the offender, never a database error.
 *
 * Size is bounded: `limit_page_length` is clamped to `maxPageLength` (default 5000; `0`, "no
 * limit", means that ceiling), paging numbers above 2^31-1 are refused, and the number of fields,
 * conditions and `in` values is capped.
 */
export type { DocTypeMeta, FieldMeta, FieldType } from './doctype-meta.js';
export { FIELD_TYPES } from './doctype-meta.js';
export type { FilterCondition, FilterValue, Operator, Scalar } from './filter-shapes.js';
export { OPERATORS, parseFilters } from './filter-shapes.js';
export type { CountParams, ListParams, ListParamsOptions, SelectItem } from './list-params.js';
export {
  DEFAULT_MAX_PAGE_LENGTH,
  DEFAULT_PAGE_LENGTH,
  parseCountParams,
  parseListParams,
  parseValueParams,
} from './list-params.js';
export type { CompiledList, QueryContext } from './compile-list.js';
export { compileCount, compileList } from './compile-list.js';
export type { SqlFragment } from './sql-params.js';
export { renderList, renderRow, renderValue, toListRow } from './render-row.js';
export { addDays, addMonths, siteTimeToInstant, startOfSiteDay } from './site-time.js';
export { parseSiteDatetime } from './filter-values.js';
export type { CountShortcut, RowFilter, Sql as ListQuerySql } from './frappe-list-queries.js';
export { FrappeListQueries } from './frappe-list-queries.js';
export { STANDARD_FIELDS, textNamedMeta } from './standard-field-meta.js';
