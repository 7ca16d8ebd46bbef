import { invalid, isPlainObject, parseJsonText, shown } from './client-input.js';
import { type FilterCondition, parseFilters } from './filter-shapes.js';

/** A `fields` entry: a string (`name`, `x as y`, `count(name) as n`) or a v16 aggregate dict. */
export type SelectItem = string | Record<string, unknown>;

export interface ListParams {
  fields: SelectItem[];
  filters: FilterCondition[];
  orFilters: FilterCondition[];
  /** Unparsed `order_by`; the doctype's default order applies when absent. */
  orderBy?: string;
  start: number;
  pageLength: number;
  asDict: boolean;
  groupBy: string[];
}

export interface CountParams {
  filters: FilterCondition[];
  orFilters: FilterCondition[];
}

export interface ListParamsOptions {
  /** Ceiling for `limit_page_length`, and what "no limit" (0) means. Default 5000. */
  maxPageLength?: number;
}

export const DEFAULT_PAGE_LENGTH = 20;
export const DEFAULT_MAX_PAGE_LENGTH = 5000;
const MAX_SELECT_ITEMS = 200;
const MAX_CLAUSE_LENGTH = 2000;
/** Paging numbers beyond Postgres' int4 are refused rather than clamped: no client means them. */
const MAX_PAGING_NUMBER = 2_147_483_647;

function pick(raw: Record<string, unknown>, ...names: string[]): unknown {
  for (const name of names) {
    if (Object.hasOwn(raw, name) && raw[name] !== undefined && raw[name] !== null) return raw[name];
  }
  return undefined;
}

function nonNegativeInteger(value: unknown, param: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isSafeInteger(number) || number < 0) {
    throw invalid(`${param} must be a non-negative integer: ${shown(value)}`);
  }
  if (number > MAX_PAGING_NUMBER) throw invalid(`${param} is too large: ${shown(value)}`);
  return number;
}

export function parseBoolean(value: unknown, param: string, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === true || value === 1) return true;
  if (value === false || value === 0) return false;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
  }
  throw invalid(`${param} must be a boolean: ${shown(value)}`);
}

function text(value: unknown, param: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_CLAUSE_LENGTH) {
    throw invalid(`${param} must be a string: ${shown(value)}`);
  }
  return value.trim() === '' ? undefined : value;
}

/** `fields` is JSON, `"*"`, or (as Frappe tolerates) a comma-separated list of names. */
export function parseFields(raw: unknown, param = 'fields'): SelectItem[] {
  const value = parseJsonText(raw, param);
  if (value === undefined || value === '') return ['name'];
  const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
  if (!Array.isArray(items)) throw invalid(`${param} must be a JSON list: ${shown(raw)}`);
  if (items.length > MAX_SELECT_ITEMS) {
    throw invalid(`Too many ${param} (at most ${MAX_SELECT_ITEMS})`);
  }
  const fields: SelectItem[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.length <= 300 && item.trim() !== '') fields.push(item);
    else if (isPlainObject(item)) fields.push(item);
    else throw invalid(`Invalid entry in ${param}: ${shown(item)}`);
  }
  return fields.length > 0 ? fields : ['name'];
}

function parseGroupBy(raw: unknown): string[] {
  const value = parseJsonText(raw, 'group_by');
  if (value === undefined) return [];
  const items = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(items) || items.length > MAX_SELECT_ITEMS) {
    throw invalid(`group_by must be a field or a list of fields: ${shown(raw)}`);
  }
  return items
    .map((item) => {
      if (typeof item !== 'string' || item.length > 300) {
        throw invalid(`Invalid entry in group_by: ${shown(item)}`);
      }
      return item.trim();
    })
    .filter((item) => item !== '');
}

/**
 * Normalises the parameters of `GET /api/resource/:doctype` and `frappe.client.get_list`, from a
 * query string (JSON text) or a parsed JSON body alike. Names are not checked here: that needs the
 * doctype and happens when compiling.
 */
export function parseListParams(
  raw: Record<string, unknown>,
  options: ListParamsOptions = {},
): ListParams {
  const maxPageLength = options.maxPageLength ?? DEFAULT_MAX_PAGE_LENGTH;
  const requested = nonNegativeInteger(
    pick(raw, 'limit_page_length', 'limit', 'page_length'),
    'limit_page_length',
  );
  const pageLength = requested ?? DEFAULT_PAGE_LENGTH;
  const orderBy = text(pick(raw, 'order_by'), 'order_by');
  return {
    fields: parseFields(pick(raw, 'fields')),
    filters: parseFilters(pick(raw, 'filters'), 'filters'),
    orFilters: parseFilters(pick(raw, 'or_filters'), 'or_filters'),
    ...(orderBy === undefined ? {} : { orderBy }),
    start: nonNegativeInteger(pick(raw, 'limit_start', 'start'), 'limit_start') ?? 0,
    // 0 means "no limit" to Frappe; here it means "as many as the server allows".
    pageLength: pageLength === 0 ? maxPageLength : Math.min(pageLength, maxPageLength),
    asDict: parseBoolean(pick(raw, 'as_dict'), 'as_dict', true),
    groupBy: parseGroupBy(pick(raw, 'group_by')),
  };
}

/** `frappe.client.get_count` / `frappe.desk.reportview.get_count`. */
export function parseCountParams(raw: Record<string, unknown>): CountParams {
  return {
    filters: parseFilters(pick(raw, 'filters'), 'filters'),
    orFilters: parseFilters(pick(raw, 'or_filters'), 'or_filters'),
  };
}

/**
 * `frappe.client.get_value`: `fieldname` is one field or a JSON list, `filters` a name or a filter
 * object. The result is a one-row list query in the doctype's default order.
 */
export function parseValueParams(raw: Record<string, unknown>): ListParams {
  const fieldname = pick(raw, 'fieldname');
  if (fieldname === undefined || fieldname === '') throw invalid('fieldname is required');
  const fields =
    typeof fieldname === 'string' && !fieldname.trim().startsWith('[')
      ? [fieldname]
      : parseFields(fieldname, 'fieldname');
  const filters = parseJsonText(pick(raw, 'filters'), 'filters');
  const byName = typeof filters === 'string' || typeof filters === 'number';
  return {
    fields,
    filters: byName ? [{ field: 'name', operator: '=', value: filters }] : parseFilters(filters),
    orFilters: [],
    start: 0,
    pageLength: 1,
    asDict: parseBoolean(pick(raw, 'as_dict'), 'as_dict', true),
    groupBy: [],
  };
}
