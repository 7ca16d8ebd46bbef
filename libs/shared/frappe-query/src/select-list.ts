import { invalid, isPlainObject, notPermitted, shown } from './client-input.js';
import {
  type FieldType,
  type QueryDocType,
  type QueryField,
  resolveField,
} from './doctype-meta.js';
import type { SelectItem } from './list-params.js';

const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max'] as const;
type Aggregate = (typeof AGGREGATES)[number];

export type Expression =
  | { kind: 'field'; field: QueryField }
  /** `field` undefined means `*` (count only). */
  | { kind: 'aggregate'; fn: Aggregate; distinct: boolean; field?: QueryField };

/** One output column: the key the client sees and the SQL that produces it. */
export interface OutputColumn {
  key: string;
  sql: string;
  /** How `renderRow` converts the value. */
  fieldtype: FieldType;
  expression: Expression;
}

const ALIAS = /^(.*?)\s+as\s+(`[^`]*`|"[^"]*"|\S+)$/is;
const AGGREGATE = /^(count|sum|avg|min|max)\s*\(\s*(distinct\s+)?(.*?)\s*\)$/is;
const SIMPLE_ALIAS = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

function isAggregate(name: string): name is Aggregate {
  return (AGGREGATES as readonly string[]).includes(name);
}

function aggregateOf(
  doctype: QueryDocType,
  fn: Aggregate,
  distinct: boolean,
  argument: string,
): Expression {
  const target = argument.trim();
  if (target === '*') {
    if (fn !== 'count' || distinct) throw notPermitted(`${fn}(${target})`);
    return { kind: 'aggregate', fn, distinct };
  }
  const field = resolveField(doctype, target);
  if ((fn === 'sum' || fn === 'avg') && !['int', 'float', 'bool'].includes(field.kind)) {
    throw invalid(`${fn} needs a numeric field: ${field.fieldname}`);
  }
  return { kind: 'aggregate', fn, distinct, field };
}

/** A field reference in any quoting form, or an aggregate such as `count(distinct owner)`. */
export function parseExpression(doctype: QueryDocType, text: string): Expression {
  const aggregate = AGGREGATE.exec(text.trim());
  if (aggregate) {
    const fn = (aggregate[1] ?? '').toLowerCase() as Aggregate;
    return aggregateOf(doctype, fn, aggregate[2] !== undefined, aggregate[3] ?? '');
  }
  return { kind: 'field', field: resolveField(doctype, text) };
}

/** The column as selected: dates and JSON as text, so the driver returns them unchanged. */
export function fieldSelectSql(field: QueryField): string {
  return field.kind === 'date' || field.kind === 'json' ? `${field.sql}::text` : field.sql;
}

export function expressionSql(expression: Expression): string {
  if (expression.kind === 'field') return fieldSelectSql(expression.field);
  const { fn, distinct, field } = expression;
  if (!field) return 'count(*)';
  const argument =
    field.kind === 'bool'
      ? `${field.sql}::int`
      : field.kind === 'json'
        ? `${field.sql}::text`
        : field.sql;
  const call = `${fn}(${distinct ? 'DISTINCT ' : ''}${argument})`;
  return field.kind === 'date' && (fn === 'min' || fn === 'max') ? `${call}::text` : call;
}

function defaultKey(expression: Expression): string {
  if (expression.kind === 'field') return expression.field.fieldname;
  const target = expression.field?.fieldname ?? '*';
  return `${expression.fn}(${expression.distinct ? 'distinct ' : ''}${target})`;
}

function outputType(expression: Expression): FieldType {
  if (expression.kind === 'field') return expression.field.fieldtype;
  const field = expression.field;
  if (expression.fn === 'count') return 'Int';
  if (expression.fn === 'avg') return 'Float';
  if (expression.fn === 'sum') return field?.kind === 'float' ? 'Float' : 'Int';
  return field?.fieldtype ?? 'Int';
}

function aliasOf(raw: unknown): string {
  let alias = typeof raw === 'string' ? raw.trim() : '';
  if (/^(`.*`|".*")$/s.test(alias)) alias = alias.slice(1, -1);
  if (!SIMPLE_ALIAS.test(alias) || alias === '__proto__') {
    throw invalid(`Invalid alias: ${shown(raw)}`);
  }
  return alias;
}

function column(expression: Expression, alias?: string): OutputColumn {
  return {
    key: alias ?? defaultKey(expression),
    sql: expressionSql(expression),
    fieldtype: outputType(expression),
    expression,
  };
}

function fromText(doctype: QueryDocType, item: string): OutputColumn[] {
  const text = item.trim();
  if (text === '*') {
    return [...doctype.fields.values()].map((field) => column({ kind: 'field', field }));
  }
  const aliased = ALIAS.exec(text);
  if (aliased) return [column(parseExpression(doctype, aliased[1] ?? ''), aliasOf(aliased[2]))];
  return [column(parseExpression(doctype, text))];
}

/** Frappe v16's dict form: `{"COUNT": "name", "as": "count"}`, `{"COUNT": {"DISTINCT": "owner"}}`. */
function fromDict(doctype: QueryDocType, item: Record<string, unknown>): OutputColumn {
  let alias: string | undefined;
  let expression: Expression | undefined;
  for (const [key, value] of Object.entries(item)) {
    const name = key.toLowerCase();
    if (name === 'as') alias = aliasOf(value);
    else if (isAggregate(name) && !expression) expression = dictAggregate(doctype, name, value);
    else throw invalid(`Invalid entry in fields: ${shown(item)}`);
  }
  if (!expression) throw invalid(`Invalid entry in fields: ${shown(item)}`);
  return column(expression, alias);
}

function dictAggregate(doctype: QueryDocType, fn: Aggregate, value: unknown): Expression {
  if (typeof value === 'string') return aggregateOf(doctype, fn, false, value);
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    const [key, target] = entries[0] ?? [];
    if (entries.length === 1 && key?.toLowerCase() === 'distinct' && typeof target === 'string') {
      return aggregateOf(doctype, fn, true, target);
    }
  }
  throw invalid(`Invalid argument for ${fn.toUpperCase()}: ${shown(value)}`);
}

/** Resolves `fields` against the doctype. A repeated key is kept once; a clashing one is refused. */
export function compileSelect(doctype: QueryDocType, items: SelectItem[]): OutputColumn[] {
  const columns = new Map<string, OutputColumn>();
  for (const item of items) {
    const resolved = typeof item === 'string' ? fromText(doctype, item) : [fromDict(doctype, item)];
    for (const output of resolved) {
      const existing = columns.get(output.key);
      if (existing && existing.sql !== output.sql) {
        throw invalid(`Duplicate column name in fields: ${output.key}`);
      }
      if (!existing) columns.set(output.key, output);
    }
  }
  return [...columns.values()];
}
