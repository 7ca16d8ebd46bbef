import type { RequestContext } from '../request-context.js';
import type { SearchFilter } from './search-filters.js';

/** What global search looks through: tickets, their internal notes and their e-mails. */
export const SEARCH_DOCTYPES = ['HD Ticket', 'HD Ticket Comment', 'Communication'] as const;
export type SearchDoctype = (typeof SEARCH_DOCTYPES)[number];

export interface SearchRequest {
  /** `to_tsquery('simple', …)` text built by `tsqueryText` from sanitised words; never empty. */
  tsquery: string;
  /** Titles only: the ticket subjects; notes and e-mails have none. */
  titleOnly: boolean;
  filters: SearchFilter[];
  /** At most 100. */
  limit: number;
  /** Internal notes are for agents only. */
  includeComments: boolean;
}

/** One matching document, with its ticket's metadata; title and content marked (`MARK_START`). */
export interface SearchHit {
  doctype: SearchDoctype;
  name: string;
  /** The ticket the document is, or belongs to. */
  ticket: string;
  /** Text-search relevance: higher is better. */
  rank: number;
  modified: Date;
  title: string;
  content: string;
  agent_group: string | null;
  customer: string | null;
  status: string | null;
  priority: string | null;
  /** Who wrote it: the ticket's owner, the note's author, the e-mail's sender. */
  owner: string | null;
}

export interface SearchPage {
  /** Best first, at most `limit`. */
  hits: SearchHit[];
  /** Every match the viewer may see with the filters applied, not only those returned. */
  total: number;
}

export type FilterCounts = Record<string, number>;

export interface SearchFilterOptions {
  teams: FilterCounts;
  statuses: FilterCounts;
  priorities: FilterCounts;
  customers: FilterCounts;
  doctypes: FilterCounts;
}

/** The full-text index over the documents a viewer may read (frappe-api §1.1.6). */
export interface TicketSearchIndex {
  search(request: SearchRequest, viewer: RequestContext): Promise<SearchPage>;
  /** Tickets per team, status, priority and customer, and documents per DocType, the viewer sees. */
  filterOptions(
    viewer: RequestContext,
    options: { includeComments: boolean },
  ): Promise<SearchFilterOptions>;
}
