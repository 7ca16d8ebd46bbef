import type { Sql } from '@helpdesk/shared-event-store';
import type {
  RequestContext,
  SearchDoctype,
  SearchFilterOptions,
} from '@helpdesk/ticket-application';
import { seesEveryTicket, ticketVisibility } from '../postgres-ticket-read-model.js';
import { sameTicket, visibleTickets } from './visible-tickets.js';

type Facet = 'teams' | 'statuses' | 'priorities' | 'customers';

interface FacetRow {
  facet: Facet;
  value: string | null;
  count: string;
}

interface DocumentCounts {
  comments: string;
  communications: string;
}

/** Tickets per team, status and priority, from the maintained counts (ADR 0007). */
const COUNTED_FACETS = `
  SELECT CASE WHEN GROUPING(agent_group) = 0 THEN 'teams'
              WHEN GROUPING(status) = 0 THEN 'statuses'
              ELSE 'priorities' END AS facet,
         COALESCE(agent_group, status, priority) AS value,
         sum(tickets)::bigint AS count
    FROM ticket.hd_ticket_counts
   GROUP BY GROUPING SETS ((agent_group), (status), (priority))
  HAVING sum(tickets) > 0
   UNION ALL
  SELECT 'customers', customer, count(*) FROM ticket.hd_ticket
   WHERE customer IS NOT NULL GROUP BY customer`;

/** The same four, over the tickets in `visible`. */
const visibleFacets = (visible: string) => `
  SELECT CASE WHEN GROUPING(t.agent_group) = 0 THEN 'teams'
              WHEN GROUPING(t.status) = 0 THEN 'statuses'
              WHEN GROUPING(t.priority) = 0 THEN 'priorities'
              ELSE 'customers' END AS facet,
         COALESCE(t.agent_group, t.status, t.priority, t.customer) AS value,
         count(*) AS count
    FROM ${visible} t
   GROUP BY GROUPING SETS ((t.agent_group), (t.status), (t.priority), (t.customer))`;

/**
 * `get_filter_options`: how many of the tickets the viewer may read have each team, status,
 * priority and customer, and how many tickets, notes (agents only) and e-mails they may read.
 * Frappe counts its index's rows, where only tickets carry these fields; so tickets are counted
 * here. A viewer who sees every ticket gets the figures from the maintained counts and whole
 * tables (notes and e-mails go with their ticket when it is deleted); anyone else's are counted
 * over their visible tickets.
 */
export async function searchFilterOptions(
  sql: Sql,
  viewer: RequestContext,
  options: { includeComments: boolean },
): Promise<SearchFilterOptions> {
  const { rows } = await sql.query<{ every: boolean }>(
    `SELECT ${seesEveryTicket(viewer)} AS every`,
  );
  const every = rows[0]?.every === true;
  const visibility = every ? undefined : ticketVisibility(viewer);
  const values = visibility?.values ?? [];
  const visible = visibleTickets(visibility);
  const facets = await sql.query<FacetRow>(every ? COUNTED_FACETS : visibleFacets(visible), values);
  const join = (column: string) => (every ? '' : `JOIN ${visible} t ON ${sameTicket(column)}`);
  const documents = await sql.query<DocumentCounts>(
    `SELECT ${
      options.includeComments
        ? `(SELECT count(*) FROM ticket.hd_ticket_comment c ${join('c.reference_ticket')})`
        : '0'
    } AS comments,
      (SELECT count(*) FROM ticket.communication e ${join('e.reference_name')}
        WHERE e.reference_doctype = 'HD Ticket') AS communications`,
    values,
  );
  // Frappe leaves out empty values (a ticket without a team adds to no team); largest first.
  const counted = (facet: Facet) =>
    facets.rows
      .filter((row) => row.facet === facet && row.value !== null && row.value !== '')
      .map((row): [string, number] => [row.value as string, Number(row.count)])
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const tickets = counted('statuses').reduce((sum, [, count]) => sum + count, 0);
  const doctypes: [SearchDoctype, number][] = [
    ['HD Ticket', tickets],
    ['HD Ticket Comment', Number(documents.rows[0]?.comments ?? 0)],
    ['Communication', Number(documents.rows[0]?.communications ?? 0)],
  ];
  // fromEntries defines each key as data, so a team named `__proto__` is just a name.
  return {
    teams: Object.fromEntries(counted('teams')),
    statuses: Object.fromEntries(counted('statuses')),
    priorities: Object.fromEntries(counted('priorities')),
    customers: Object.fromEntries(counted('customers')),
    doctypes: Object.fromEntries(doctypes.filter(([, count]) => count > 0)),
  };
}
