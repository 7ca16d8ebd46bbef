import { FrappeError, flagArgument } from '@helpdesk/shared-frappe-api';
import type { MethodReply } from '@helpdesk/shared-messaging';
import { isAgent, isGuest, type RequestContext } from '../request-context.js';
import { parseSearchFilters } from './search-filters.js';
import { markedHtml } from './search-markup.js';
import { recencyBoost } from './search-recency.js';
import { searchTerms, tsqueryText } from './search-terms.js';
import type { SearchHit, SearchPage, TicketSearchIndex } from './ticket-search.port.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/**
 * `helpdesk.api.search.search` and `get_filter_options` (frappe-api §2.9): full-text search over
 * the tickets, internal notes and ticket e-mails the caller may read, for signed-in users.
 */
export class TicketSearchMethods {
  constructor(
    private readonly index: TicketSearchIndex,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async search(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    refuseGuests(context);
    const started = performance.now();
    const query = queryArgument(params.query);
    if ([...query.trim()].length < 2) {
      throw FrappeError.validation('Search query must be at least 2 characters');
    }
    const titleOnly = flagArgument(params.title_only);
    const filters = parseSearchFilters(params.filters);
    const terms = searchTerms(query);
    const page: SearchPage =
      terms.length === 0 || filters.matchesNothing
        ? { hits: [], total: 0 }
        : await this.index.search(
            {
              tsquery: tsqueryText(terms, { titleOnly }),
              titleOnly,
              filters: filters.conditions,
              limit: searchLimit(params.limit),
              includeComments: isAgent(context),
            },
            context,
          );
    const results = this.scored(page.hits);
    return {
      message: {
        results,
        summary: {
          duration: Math.round(performance.now() - started) / 1000,
          total_matches: page.total,
          returned_matches: results.length,
          // No spelling correction: Postgres matches the words as typed (and as prefixes).
          corrected_words: null,
          corrected_query: null,
          title_only: titleOnly,
          // As in Frappe, the results that passed the filters and are returned.
          filtered_matches: results.length,
          applied_filters: filters.applied,
        },
      },
    };
  }

  async getFilterOptions(context: RequestContext): Promise<MethodReply> {
    refuseGuests(context);
    return {
      message: await this.index.filterOptions(context, { includeComments: isAgent(context) }),
    };
  }

  /**
   * Frappe's result shape: the index's order is `original_rank`; the final order is by `score`,
   * relevance times recency, as Frappe re-scores its top hits.
   */
  private scored(hits: SearchHit[]) {
    const now = this.now();
    return hits
      .map((hit, i) => ({
        id: `${hit.doctype}:${hit.name}`,
        score: roundScore(hit.rank * recencyBoost(hit.modified, now)),
        original_rank: i + 1,
        // Frappe's field for the engine's own relevance; here Postgres's ts_rank (higher is better).
        bm25_score: roundScore(hit.rank),
        title: markedHtml(hit.title),
        content: markedHtml(hit.content),
        doctype: hit.doctype,
        name: hit.doctype === 'HD Ticket' ? Number(hit.name) : hit.name,
        agent_group: hit.agent_group,
        customer: hit.customer,
        status: hit.status,
        priority: hit.priority,
        owner: hit.owner,
        author: hit.owner,
        reference_doctype: hit.doctype === 'Communication' ? 'HD Ticket' : null,
        reference_name: hit.doctype === 'Communication' ? Number(hit.ticket) : null,
        reference_ticket: Number(hit.ticket),
        // Seconds since the epoch, as Frappe's index stores it and its search page formats it.
        modified: hit.modified.getTime() / 1000,
      }))
      .sort((a, b) => b.score - a.score || a.original_rank - b.original_rank)
      .map((result, i) => ({ ...result, modified_rank: i + 1 }));
  }
}

function refuseGuests(context: RequestContext): void {
  if (isGuest(context)) throw FrappeError.permission('Not permitted');
}

function queryArgument(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/**
 * Frappe reads `limit` as `min(int(limit or 20), 100)` and then does not apply it, returning
 * every hit its index query yields (up to 100). Here it is applied, capped at 100: a search box
 * asks for a page, and an unbounded answer over a million tickets is not one.
 */
export function searchLimit(value: unknown): number {
  const parsed =
    typeof value === 'number'
      ? Math.trunc(value)
      : typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isFinite(parsed) || parsed < 1) return DEFAULT_LIMIT;
  return Math.min(parsed, MAX_LIMIT);
}

function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
