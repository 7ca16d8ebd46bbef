import { invalid, isPlainObject, parseJsonText, shown } from './client-input.js';

export const OPERATORS = [
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'like',
  'not like',
  'in',
  'not in',
  'is',
  'between',
  'timespan',
  'previous',
  'next',
] as const;

export type Operator = (typeof OPERATORS)[number];

const ALIASES: Record<string, Operator> = { '=>': '>=', '=<': '<=' };
const UNSUPPORTED = [
  'regex',
  'descendants of',
  'descendants of (inclusive)',
  'ancestors of',
  'not descendants of',
  'not ancestors of',
];

export type Scalar = string | number | boolean | null;
export type FilterValue = Scalar | Scalar[];

/** One condition, still unresolved: the field is checked against the doctype when compiling. */
export interface FilterCondition {
  /** The 4-element form names a doctype; it must be the one being queried. */
  doctype?: string;
  field: string;
  operator: Operator;
  value: FilterValue;
}

/** Far beyond any list view; keeps a hostile request from building a megabyte of SQL. */
export const MAX_CONDITIONS = 200;

export function parseOperator(raw: unknown): Operator {
  if (typeof raw !== 'string' || raw.length > 40) throw invalid(`Invalid operator: ${shown(raw)}`);
  const operator = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (Object.hasOwn(ALIASES, operator)) return ALIASES[operator] as Operator;
  if ((OPERATORS as readonly string[]).includes(operator)) return operator as Operator;
  if (UNSUPPORTED.includes(operator)) throw invalid(`Operator "${operator}" is not supported`);
  throw invalid(`Invalid operator: ${shown(raw)}`);
}

function parseValue(raw: unknown, field: string): FilterValue {
  if (isScalar(raw)) return raw;
  if (Array.isArray(raw) && raw.every(isScalar)) return raw;
  throw invalid(`Invalid filter value for ${shown(field)}: ${shown(raw)}`);
}

function isScalar(value: unknown): value is Scalar {
  if (typeof value === 'number') return Number.isFinite(value);
  return value === null || typeof value === 'string' || typeof value === 'boolean';
}

function fieldName(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 300) {
    throw invalid(`Invalid filter field: ${shown(raw)}`);
  }
  return raw;
}

function fromEntry(key: string, raw: unknown): FilterCondition {
  const field = fieldName(key);
  if (Array.isArray(raw) && raw.length === 2 && typeof raw[0] === 'string') {
    return { field, operator: parseOperator(raw[0]), value: parseValue(raw[1], field) };
  }
  if (Array.isArray(raw)) {
    throw invalid(`Filter for ${shown(field)} must be [operator, value]: ${shown(raw)}`);
  }
  return { field, operator: '=', value: parseValue(raw, field) };
}

function fromList(raw: unknown[]): FilterCondition {
  // Frappe ignores anything after the fourth element (the report view appends a flag).
  const [first, second, third, fourth] = raw;
  if (raw.length === 3) {
    const field = fieldName(first);
    return { field, operator: parseOperator(second), value: parseValue(third, field) };
  }
  if (raw.length >= 4) {
    if (typeof first !== 'string') throw invalid(`Invalid filter doctype: ${shown(first)}`);
    const field = fieldName(second);
    return {
      doctype: first,
      field,
      operator: parseOperator(third),
      value: parseValue(fourth, field),
    };
  }
  throw invalid(`Filter must have 3 or 4 values: ${shown(raw)}`);
}

/**
 * Accepts every shape of Frappe's filter syntax: `{field: value}`, `{field: [op, value]}`, a list of
 * `[field, op, value]` or `[doctype, field, op, value]`, and lists mixing those with one-key dicts.
 * Plain strings (raw SQL conditions in old Frappe) are refused.
 */
export function parseFilters(raw: unknown, param = 'filters'): FilterCondition[] {
  const value = parseJsonText(raw, param);
  if (value === undefined || value === null || value === '') return [];
  const conditions: FilterCondition[] = [];
  if (isPlainObject(value)) {
    for (const [key, entry] of Object.entries(value)) conditions.push(fromEntry(key, entry));
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item)) conditions.push(fromList(item));
      else if (isPlainObject(item) && Object.keys(item).length === 1) {
        const [key, entry] = Object.entries(item)[0] as [string, unknown];
        conditions.push(fromEntry(key, entry));
      } else throw invalid(`Invalid filter in ${param}: ${shown(item)}`);
    }
  } else {
    throw invalid(`${param} must be a JSON object or list: ${shown(raw)}`);
  }
  if (conditions.length > MAX_CONDITIONS) {
    throw invalid(`Too many conditions in ${param} (at most ${MAX_CONDITIONS})`);
  }
  return conditions;
}
