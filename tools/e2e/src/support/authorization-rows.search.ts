import { get, post, SIGNED_IN, type AuthorizationRow } from './authorization-cells.js';

/**
 * The routes of global search, × every persona. Anyone signed in may search; what they find is
 * limited to what they may read (global-search.e2e.spec.ts), which no status code shows.
 */
export const SEARCH_ROWS: AuthorizationRow[] = [
  {
    route: 'method helpdesk.api.search.search',
    request: () => post('helpdesk.api.search.search', { query: 'question', limit: 5 }),
    expect: SIGNED_IN(),
  },
  {
    route: 'method helpdesk.api.search.get_filter_options',
    request: () => get('helpdesk.api.search.get_filter_options'),
    expect: SIGNED_IN(),
  },
];
