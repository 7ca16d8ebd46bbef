import { addDays, isIsoDate } from '@helpdesk/metrics-domain';
import { FrappeError, objectArgument } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';
import { isAgentManager } from '../metrics-access.js';
import type { DashboardScope } from './dashboard-reads.port.js';

export const NOT_ALLOWED = 'You are not allowed to view this dashboard data.';

export interface DashboardFilters extends DashboardScope {
  fromDate: string;
  toDate: string;
}

/**
 * `get_dashboard_data`'s filters: a non-manager sees only their own tickets, so must name
 * themselves (or `@me`) as the agent and no team; without filters Frappe fails on them, here
 * they are refused the same way. Dates default to the last 30 days.
 */
export function dashboardFilters(
  raw: unknown,
  context: RequestContext,
  today: string,
): DashboardFilters {
  const filters =
    raw === undefined || raw === null || raw === '' ? null : objectArgument(raw, 'filters');
  const team = filters?.team ? String(filters.team) : null;
  const named = filters?.agent ? String(filters.agent) : null;
  if (!isAgentManager(context) && (team || (named !== context.user && named !== '@me'))) {
    throw FrappeError.permission(NOT_ALLOWED);
  }
  return {
    fromDate: dateFilter(filters?.from_date, 'from_date') ?? addDays(today, -30),
    toDate: dateFilter(filters?.to_date, 'to_date') ?? today,
    team,
    agent: named === '@me' ? context.user : named,
  };
}

/** A `YYYY-MM-DD` date; a datetime counts by its date, as Frappe's date filters compare. */
function dateFilter(value: unknown, key: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const date = String(value).trim().slice(0, 10);
  if (!isIsoDate(date)) throw FrappeError.validation(`${key} must be a date (YYYY-MM-DD)`);
  return date;
}
