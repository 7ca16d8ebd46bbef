/** The pseudo-filter on assignment dates; only `get_list_data` can answer it. */
export const ASSIGNED_ON = '__assigned_on';

/** `__assigned_on`'s operator and value: `['timespan', 'last 7 days']`, `['=', '2026-11-21']`. */
export type AssignedOnCondition = [operator: string, value: unknown];

/**
 * The operators Frappe Helpdesk's `apply_datetime_filter` understands; any other keeps every
 * document assigned to the caller.
 */
export const ASSIGNED_ON_OPERATORS: ReadonlySet<string> = new Set([
  '=',
  '!=',
  '>',
  '<',
  '>=',
  '<=',
  'between',
  'timespan',
  'is',
]);

/**
 * Takes the `__assigned_on` pseudo-filter out of Frappe filters (`_pop_assigned_on_filter`): a
 * dict value is `[operator, value]` or a plain value (`=`); a list condition is
 * `["__assigned_on", operator, value]`, and a shorter one is dropped without filtering. Returns new
 * filters; the input is untouched.
 */
export function takeAssignedOn(filters: unknown): {
  filters: unknown;
  condition?: AssignedOnCondition;
} {
  if (Array.isArray(filters)) {
    const index = filters.findIndex((c) => Array.isArray(c) && c[0] === ASSIGNED_ON);
    if (index < 0) return { filters };
    const taken = filters[index] as unknown[];
    const rest = filters.filter((_, i) => i !== index);
    return taken.length >= 3
      ? { filters: rest, condition: [String(taken[1]), taken[2]] }
      : { filters: rest };
  }
  if (typeof filters !== 'object' || filters === null || !Object.hasOwn(filters, ASSIGNED_ON)) {
    return { filters };
  }
  const { [ASSIGNED_ON]: value, ...rest } = filters as Record<string, unknown>;
  const condition: AssignedOnCondition = Array.isArray(value)
    ? [String(value[0]), value[1]]
    : ['=', value];
  return { filters: rest, condition };
}

/**
 * The filters limited to `names` (`_merge_name_filter`): intersected with a `name in` filter
 * already there, else added. No names means no row matches.
 */
export function withNamesIn(filters: unknown, names: readonly (string | number)[]): unknown {
  const intersect = (existing: unknown) => {
    const allowed = new Set((Array.isArray(existing) ? existing : []).map(String));
    return names.filter((name) => allowed.has(String(name)));
  };
  if (Array.isArray(filters)) {
    const index = filters.findIndex(
      (c) =>
        Array.isArray(c) && c.length >= 3 && c[0] === 'name' && String(c[1]).toLowerCase() === 'in',
    );
    if (index < 0) return [...filters, ['name', 'in', [...names]]];
    return filters.map((c, i) =>
      i === index ? ['name', 'in', intersect((c as unknown[])[2])] : c,
    );
  }
  const dict = (filters ?? {}) as Record<string, unknown>;
  const existing = dict.name;
  const nameIn = Array.isArray(existing) && existing[0] === 'in' && names.length > 0;
  return { ...dict, name: ['in', nameIn ? intersect(existing[1]) : [...names]] };
}
