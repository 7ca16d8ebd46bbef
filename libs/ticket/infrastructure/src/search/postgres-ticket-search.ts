import { inTransaction } from '@helpdesk/shared-event-store';
import {
  MARK_END,
  MARK_START,
  type RequestContext,
  type SearchDoctype,
  type SearchFilter,
  type SearchFilterField,
  type SearchFilterOptions,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
  type TicketSearchIndex,
} from '@helpdesk/ticket-application';
import type { DataSource } from 'typeorm';
import type { RowFilter } from '../frappe-list-queries.js';
import { ticketVisibility } from '../postgres-ticket-read-model.js';
import { searchFilterOptions } from './search-filter-options.js';
import { sameTicket, visibleTickets } from './visible-tickets.js';

/** A subject, whole, with its matches marked. */
const TITLE_OPTIONS = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
/** Up to two passages of a body around its matches (its opening words when only the title matched). */
const SNIPPET_OPTIONS =
  `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, ShortWord=1, ` +
  `MaxFragments=2, FragmentDelimiter=" ... "`;

/**
 * Ranking reads every match (a common word in a million tickets matches tens of thousands) and
 * the window counting them holds their keys; this keeps that in memory instead of a temp file.
 * JIT is off for the same transaction: the visibility condition's subplans make the estimate look
 * expensive, and compiling it (60–90 ms) cost more than running it, even with nothing to find.
 */
const SEARCH_WORK_MEM = '32MB';

/** Every search result row's columns, named as the filters name them. */
const FILTER_COLUMNS: Record<SearchFilterField, string> = {
  doctype: 'm.doctype',
  name: 'm.name',
  agent_group: 'm.agent_group',
  customer: 'm.customer',
  status: 'm.status',
  priority: 'm.priority',
  owner: 'm.owner',
  reference_doctype: 'm.reference_doctype',
  reference_name: 'm.reference_name',
  reference_ticket: 'm.ticket::text',
};

/** Bind parameters after the visibility condition's own (`$1…`), which keeps its numbers. */
class Statement {
  readonly values: unknown[];

  constructor(visibility: RowFilter | undefined) {
    this.values = [...(visibility?.values ?? [])];
  }

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return `$${this.values.length}${cast ? `::${cast}` : ''}`;
  }
}

/**
 * Postgres full-text search over `ticket.hd_ticket`, `hd_ticket_comment` and `communication`
 * (their `search_vector` columns and GIN indexes, `search.migration.ts`). Each table is matched
 * through its index and only matches are ranked; notes and e-mails count only when their ticket is
 * visible to the viewer, with the same condition the ticket lists use. Snippets are cut for the
 * returned page only.
 */
export class PostgresTicketSearch implements TicketSearchIndex {
  constructor(private readonly dataSource: DataSource) {}

  search(request: SearchRequest, viewer: RequestContext): Promise<SearchPage> {
    const visibility = ticketVisibility(viewer);
    const statement = new Statement(visibility);
    const text = searchSql(request, visibleTickets(visibility), statement);
    return inTransaction(this.dataSource, async (sql) => {
      await sql.query(`SELECT set_config('work_mem', $1, true), set_config('jit', 'off', true)`, [
        SEARCH_WORK_MEM,
      ]);
      const { rows } = await sql.query<SearchRow>(text, statement.values);
      return { hits: rows.map(toHit), total: Number(rows[0]?.total ?? 0) };
    });
  }

  filterOptions(
    viewer: RequestContext,
    options: { includeComments: boolean },
  ): Promise<SearchFilterOptions> {
    return inTransaction(this.dataSource, async (sql) => {
      await sql.query(`SELECT set_config('jit', 'off', true)`);
      return searchFilterOptions(sql, viewer, options);
    });
  }
}

interface SearchRow {
  doctype: SearchDoctype;
  name: string;
  ticket: string;
  rank: number;
  modified: Date;
  total: string;
  title: string;
  content: string;
  agent_group: string | null;
  customer: string | null;
  status: string | null;
  priority: string | null;
  owner: string | null;
}

function toHit(row: SearchRow): SearchHit {
  return {
    doctype: row.doctype,
    name: row.name,
    ticket: String(row.ticket),
    rank: Number(row.rank),
    modified: row.modified,
    title: row.title ?? '',
    content: row.content ?? '',
    agent_group: row.agent_group,
    customer: row.customer,
    status: row.status,
    priority: row.priority,
    owner: row.owner,
  };
}

/**
 * One statement: the matches of each DocType (through its GIN index, visible ones only, filters
 * pushed down into each), ranked, counted by a window before the page is cut, then the page's
 * metadata and snippets.
 */
function searchSql(request: SearchRequest, visible: string, statement: Statement): string {
  const query = `to_tsquery('simple', ${statement.add(request.tsquery)})`;
  const branches = [
    `SELECT 'HD Ticket'::text AS doctype, t.name::text AS name, t.name AS ticket,
            t.agent_group, t.customer, t.status, t.priority, t.owner,
            NULL::text AS reference_doctype, NULL::text AS reference_name,
            t.modified, ts_rank(t.search_vector, ${query}) AS rank
       FROM ${visible} t
      WHERE t.search_vector @@ ${query}`,
  ];
  // Only tickets have titles.
  if (!request.titleOnly && request.includeComments) {
    branches.push(
      `SELECT 'HD Ticket Comment', c.name, t.name, t.agent_group, t.customer, t.status,
              t.priority, c.commented_by, NULL, NULL, c.modified, ts_rank(c.search_vector, ${query})
         FROM ticket.hd_ticket_comment c
         JOIN ${visible} t ON ${sameTicket('c.reference_ticket')}
        WHERE c.search_vector @@ ${query}`,
    );
  }
  if (!request.titleOnly) {
    branches.push(
      `SELECT 'Communication', e.name, t.name, t.agent_group, t.customer, t.status, t.priority,
              e.sender, 'HD Ticket', t.name::text, e.modified, ts_rank(e.search_vector, ${query})
         FROM ticket.communication e
         JOIN ${visible} t ON ${sameTicket('e.reference_name')}
        WHERE e.reference_doctype = 'HD Ticket' AND e.search_vector @@ ${query}`,
    );
  }
  const conditions = request.filters.map((filter) => filterSql(filter, statement));
  const order = 'rank DESC, modified DESC, doctype, name';
  return `WITH page AS (
      SELECT m.doctype, m.name, m.ticket, m.modified, m.rank::float8 AS rank,
             count(*) OVER () AS total
        FROM (${branches.join('\n UNION ALL \n')}) m
       WHERE ${conditions.length ? conditions.join(' AND ') : 'true'}
       ORDER BY ${order}
       LIMIT ${statement.add(request.limit, 'int')}
    )
    SELECT page.doctype, page.name, page.ticket::text AS ticket, page.modified, page.rank,
           page.total, t.agent_group, t.customer, t.status, t.priority,
           CASE page.doctype WHEN 'HD Ticket' THEN t.owner
                             WHEN 'HD Ticket Comment' THEN c.commented_by
                             ELSE e.sender END AS owner,
           CASE WHEN page.doctype = 'HD Ticket'
                THEN ts_headline('simple', ticket.search_text(t.subject), ${query},
                                 ${statement.add(TITLE_OPTIONS)})
                ELSE '' END AS title,
           ts_headline('simple',
             ticket.search_text(CASE page.doctype WHEN 'HD Ticket' THEN COALESCE(t.description, '')
                                                  WHEN 'HD Ticket Comment' THEN c.content
                                                  ELSE e.content END),
             ${query}, ${statement.add(SNIPPET_OPTIONS)}) AS content
      FROM page
      JOIN ticket.hd_ticket t ON t.name = page.ticket
      LEFT JOIN ticket.hd_ticket_comment c
        ON page.doctype = 'HD Ticket Comment' AND c.name = page.name
      LEFT JOIN ticket.communication e ON page.doctype = 'Communication' AND e.name = page.name
     ORDER BY ${order}`;
}

/** Values are always bind parameters; the column comes from a fixed list. */
function filterSql(filter: SearchFilter, statement: Statement): string {
  const column = FILTER_COLUMNS[filter.field];
  if (filter.match === 'like') {
    const patterns = filter.values.map((value) => `%${value}%`);
    return `${column} ILIKE ANY(${statement.add(patterns, 'text[]')})`;
  }
  return `${column} = ANY(${statement.add(filter.values, 'text[]')})`;
}
