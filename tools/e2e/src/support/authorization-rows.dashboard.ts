import type { AuthorizationRow } from './authorization-cells.js';

/** The routes of dashboards and ticket stats, × every persona. */
export const DASHBOARD_ROWS: AuthorizationRow[] = [];
