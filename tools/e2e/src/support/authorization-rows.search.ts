import type { AuthorizationRow } from './authorization-cells.js';

/** The routes of global search, × every persona. */
export const SEARCH_ROWS: AuthorizationRow[] = [];
