import { compileCount, compileList, type QueryContext } from './compile-list.js';
import type { DocTypeMeta } from './doctype-meta.js';
import { parseCountParams, parseListParams, type CountParams } from './list-params.js';
import { renderList, renderRow } from './render-row.js';

/** The one thing list queries need from a connection: parameterised SQL returning rows. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** A row-level permission condition (`$1…` placeholders) ANDed into every query. */
export interface RowFilter {
  text: string;
  values: unknown[];
}

/**
 * Answers a count without visiting the rows, when it can give exactly the number `count(*)`
 * would; `undefined` when it cannot, and the rows are counted instead.
 */
export interface CountShortcut {
  count(sql: Sql, params: CountParams, context: QueryContext): Promise<number | undefined>;
}

/** Frappe list, count and single-document reads over one DocType's read-model table. */
export class FrappeListQueries {
  constructor(
    private readonly meta: DocTypeMeta,
    private readonly timeZone: string,
    private readonly countShortcut?: CountShortcut,
  ) {}

  async list(sql: Sql, raw: Record<string, unknown>, rowFilter?: RowFilter): Promise<unknown[]> {
    const params = parseListParams(raw);
    const compiled = compileList(this.meta, params, this.context(rowFilter));
    const { rows } = await sql.query<Record<string, unknown>>(compiled.text, compiled.values);
    return renderList(this.meta, compiled, rows, {
      timeZone: this.timeZone,
      asDict: params.asDict,
    });
  }

  /** A row filter hides rows the shortcut cannot tell apart, so it only serves unfiltered viewers. */
  async count(sql: Sql, raw: Record<string, unknown>, rowFilter?: RowFilter): Promise<number> {
    const params = parseCountParams(raw);
    if (this.countShortcut && !rowFilter) {
      const counted = await this.countShortcut.count(sql, params, this.context());
      if (counted !== undefined) return counted;
    }
    const compiled = compileCount(this.meta, params, this.context(rowFilter));
    const { rows } = await sql.query<{ count: string }>(compiled.text, compiled.values);
    return Number(rows[0]?.count ?? 0);
  }

  /** The whole document, or undefined when it does not exist or the row filter hides it. */
  async document(
    sql: Sql,
    name: string | number,
    rowFilter?: RowFilter,
  ): Promise<Record<string, unknown> | undefined> {
    const params = parseListParams({
      fields: ['*'],
      filters: [['name', '=', name]],
      limit_page_length: 1,
    });
    const compiled = compileList(this.meta, params, this.context(rowFilter));
    const { rows } = await sql.query<Record<string, unknown>>(compiled.text, compiled.values);
    const row = rows[0];
    return row
      ? {
          doctype: this.meta.doctype,
          ...renderRow(this.meta, row, this.timeZone, compiled.fieldtypes),
        }
      : undefined;
  }

  private context(rowFilter?: RowFilter) {
    return {
      timeZone: this.timeZone,
      now: new Date(),
      ...(rowFilter ? { extraWhere: rowFilter } : {}),
    };
  }
}
