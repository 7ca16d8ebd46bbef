import type { Sql } from '@helpdesk/shared-event-store';
import {
  compileCount,
  compileList,
  parseCountParams,
  parseListParams,
  renderList,
  renderRow,
  type DocTypeMeta,
} from '@helpdesk/shared-frappe-query';

/** A row-level permission condition (`$1…` placeholders) ANDed into every query. */
export interface RowFilter {
  text: string;
  values: unknown[];
}

/** Frappe list, count and single-document reads over one DocType's read-model table. */
export class FrappeListQueries {
  constructor(
    private readonly meta: DocTypeMeta,
    private readonly timeZone: string,
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

  async count(sql: Sql, raw: Record<string, unknown>, rowFilter?: RowFilter): Promise<number> {
    const compiled = compileCount(this.meta, parseCountParams(raw), this.context(rowFilter));
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
