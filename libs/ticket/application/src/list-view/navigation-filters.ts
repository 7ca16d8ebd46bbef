import { ASSIGNED_ON, substituteAtMe } from '@helpdesk/shared-list-view';

/**
 * The filters `get_navigation_tickets` lists with: a view's filters as list conditions (a dict of
 * a legacy saved view becomes `[field, op, value]` rows), without `__assigned_on`, excluding the
 * current ticket, with `@me` replaced as `get_list_data` replaces it.
 */
export function navigationFilters(viewFilters: unknown, ticket: number, user: string): unknown[] {
  const conditions = toConditions(viewFilters).filter((condition) => condition[0] !== ASSIGNED_ON);
  return substituteAtMe([...conditions, ['name', '!=', ticket]], user) as unknown[];
}

function toConditions(filters: unknown): unknown[][] {
  if (Array.isArray(filters)) {
    return filters.filter(
      (condition): condition is unknown[] => Array.isArray(condition) && condition.length >= 3,
    );
  }
  if (typeof filters === 'object' && filters !== null) {
    return Object.entries(filters).map(([field, value]) =>
      Array.isArray(value) ? [field, ...(value as unknown[])] : [field, '=', value],
    );
  }
  return [];
}
