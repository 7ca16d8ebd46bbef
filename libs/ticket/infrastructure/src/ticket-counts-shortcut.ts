import type { Sql } from '@helpdesk/shared-event-store';
import {
  compileList,
  type CountParams,
  type DocTypeMeta,
  type FilterCondition,
  type Operator,
  type QueryContext,
} from '@helpdesk/shared-frappe-query';
import { HD_TICKET_META } from './doctype-meta/hd-ticket.meta.js';
import type { CountShortcut } from './frappe-list-queries.js';
import { COUNTED_FIELDS } from './ticket-counts.js';

const COUNTED = new Set<string>(COUNTED_FIELDS);

/**
 * `hd_ticket_counts` seen as HD Ticket: the counted fields with the very field types of the
 * ticket meta, so a filter compiles to the same predicate, NULL handling included. A predicate
 * on these columns holds for a counts row exactly when it holds for every ticket that row counts,
 * so summing the matching rows gives what `count(*)` over the tickets gives.
 */
const COUNTS_META: DocTypeMeta = {
  doctype: HD_TICKET_META.doctype,
  table: 'ticket.hd_ticket_counts',
  nameType: 'int',
  defaultOrder: 'name desc',
  fields: [
    { fieldname: 'name', fieldtype: 'Int', constant: 0 },
    ...HD_TICKET_META.fields.filter((field) => COUNTED.has(field.fieldname)),
    { fieldname: 'tickets', fieldtype: 'Int' },
  ],
};

/** The operators of the list view's filter bar. */
const OPERATORS = new Set<Operator>(['=', '!=', 'in', 'not in', 'is']);

function answerable(condition: FilterCondition): boolean {
  return (
    (condition.doctype === undefined || condition.doctype === HD_TICKET_META.doctype) &&
    COUNTED.has(condition.field) &&
    OPERATORS.has(condition.operator)
  );
}

/** HD Ticket counts filtered only on counted fields, read from `hd_ticket_counts` (ADR 0007). */
export const ticketCountsShortcut: CountShortcut = {
  async count(sql: Sql, params: CountParams, context: QueryContext): Promise<number | undefined> {
    if (![...params.filters, ...params.orFilters].every(answerable)) return undefined;
    const compiled = compileList(
      COUNTS_META,
      {
        fields: ['sum(tickets) as tickets'],
        filters: params.filters,
        orFilters: params.orFilters,
        start: 0,
        pageLength: 1,
        asDict: true,
        groupBy: [],
      },
      context,
    );
    const { rows } = await sql.query<{ tickets: string | null }>(compiled.text, compiled.values);
    return Number(rows[0]?.tickets ?? 0);
  },
};
