import type { HolidayCalendar, HolidayEvent, SlaDocumentReads } from '@helpdesk/sla-application';
import { HOLIDAY_DOCTYPE, SERVICE_DAY_DOCTYPE, SLA_PRIORITY_DOCTYPE } from '@helpdesk/sla-domain';
import { withConnection } from '@helpdesk/shared-event-store';
import { FrappeListQueries, renderValue, type DocTypeMeta } from '@helpdesk/shared-frappe-query';
import type { FrappeDocument } from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import { HOLIDAY_LIST_META, SLA_META } from './sla-document.meta.js';

type Row = Record<string, unknown>;

/** A child table kept as a jsonb column of the same name. */
interface ChildTable {
  field: string;
  doctype: string;
  /** Turns a stored row into Frappe's wire values. */
  render?: (row: Row) => Row;
}

/** Frappe sends Time fields as a timedelta, `H:MM:SS`. */
const serviceDay = (row: Row): Row => ({
  ...row,
  start_time: renderValue('Time', row.start_time, 'UTC'),
  end_time: renderValue('Time', row.end_time, 'UTC'),
});

const SLA_CHILD_TABLES: readonly ChildTable[] = [
  { field: 'support_and_resolution', doctype: SERVICE_DAY_DOCTYPE, render: serviceDay },
  { field: 'priorities', doctype: SLA_PRIORITY_DOCTYPE },
];

const HOLIDAY_LIST_CHILD_TABLES: readonly ChildTable[] = [
  { field: 'holidays', doctype: HOLIDAY_DOCTYPE },
];

/** Frappe reads over one SLA DocType's read model; child rows come with the whole document. */
export class PostgresSlaDocuments implements SlaDocumentReads {
  private readonly queries: FrappeListQueries;

  constructor(
    private readonly dataSource: DataSource,
    private readonly meta: DocTypeMeta,
    private readonly childTables: readonly ChildTable[],
    timeZone: string,
  ) {
    this.queries = new FrappeListQueries(meta, timeZone);
  }

  static agreements(dataSource: DataSource, timeZone: string): PostgresSlaDocuments {
    return new PostgresSlaDocuments(dataSource, SLA_META, SLA_CHILD_TABLES, timeZone);
  }

  static holidayLists(dataSource: DataSource, timeZone: string): PostgresSlaDocuments {
    return new PostgresSlaDocuments(
      dataSource,
      HOLIDAY_LIST_META,
      HOLIDAY_LIST_CHILD_TABLES,
      timeZone,
    );
  }

  list(params: Record<string, unknown>): Promise<unknown[]> {
    return withConnection(this.dataSource, (sql) => this.queries.list(sql, params));
  }

  count(params: Record<string, unknown>): Promise<number> {
    return withConnection(this.dataSource, (sql) => this.queries.count(sql, params));
  }

  /** The document, then its rows; one deleted in between reads as absent. */
  get(name: string): Promise<FrappeDocument | undefined> {
    return withConnection(this.dataSource, async (sql) => {
      const document = await this.queries.document(sql, name);
      if (!document) return undefined;
      const fields = this.childTables.map((table) => table.field).join(', ');
      const { rows } = await sql.query<Record<string, Row[]>>(
        `SELECT ${fields} FROM ${this.meta.table} WHERE name = $1`,
        [name],
      );
      const stored = rows[0];
      if (!stored) return undefined;
      const children = this.childTables.map(({ field, doctype, render }) => [
        field,
        (stored[field] ?? []).map((row, i) => ({
          ...(render ? render(row) : row),
          doctype,
          parenttype: this.meta.doctype,
          parentfield: field,
          parent: name,
          idx: i + 1,
        })),
      ]);
      return { ...document, ...Object.fromEntries(children) };
    });
  }
}

/** The calendar view's holidays, from the holiday lists' rows. */
export class PostgresHolidayCalendar implements HolidayCalendar {
  private readonly queries: FrappeListQueries;

  constructor(
    private readonly dataSource: DataSource,
    timeZone: string,
  ) {
    this.queries = new FrappeListQueries(HOLIDAY_LIST_META, timeZone);
  }

  holidayEvents(start: string, end: string, filters: unknown): Promise<HolidayEvent[]> {
    return withConnection(this.dataSource, async (sql) => {
      const lists = (await this.queries.list(sql, {
        fields: ['name'],
        filters,
        limit_page_length: 0,
      })) as { name: string }[];
      const { rows } = await sql.query<Omit<HolidayEvent, 'allDay'>>(
        `SELECT l.name, h.holiday_date, h.description, l.color
           FROM sla.hd_service_holiday_list l,
                jsonb_to_recordset(l.holidays) AS h(holiday_date text, description text)
          WHERE l.name = ANY($1::text[])
            AND h.holiday_date::date > $2::date AND h.holiday_date::date < $3::date
          ORDER BY h.holiday_date, l.name`,
        [lists.map((list) => list.name), start, end],
      );
      return rows.map((row) => ({ ...row, allDay: 1 as const }));
    });
  }
}
