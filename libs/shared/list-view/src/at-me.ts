/**
 * Frappe Helpdesk's `handle_at_me_support`: `"@me"` becomes the caller and `"%@me%"` a pattern on
 * the caller, in the last element of each list condition and in each dict value, or inside them
 * when they are lists (`{"_assign": ["like", "%@me%"]}`, `["owner", "in", ["@me"]]`). Returns new
 * filters; the input is untouched.
 */
export function substituteAtMe(filters: unknown, user: string): unknown {
  const swap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(swap);
    if (value === '@me') return user;
    if (value === '%@me%') return `%${user}%`;
    return value;
  };
  if (Array.isArray(filters)) {
    return filters.map((condition: unknown) =>
      Array.isArray(condition) && condition.length > 0
        ? [...condition.slice(0, -1), swap(condition.at(-1))]
        : condition,
    );
  }
  if (typeof filters === 'object' && filters !== null) {
    return Object.fromEntries(
      Object.entries(filters).map(([field, value]) => [field, swap(value)]),
    );
  }
  return filters;
}
