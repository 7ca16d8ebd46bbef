/** HD Agent Status `category` of an agent's `availability`. */
export type AvailabilityCategory = 'Active' | 'Away' | 'Unavailable';

/** Every agent's availability category, by user; a user with no entry counts as Active. */
export type AgentAvailability = ReadonlyMap<string, AvailabilityCategory>;

/**
 * Helpdesk's override of the pool a rule picks from. While nobody anywhere is Away or
 * Unavailable, the pool is left alone. Otherwise: the members neither Away nor Unavailable; if
 * none, those not Unavailable; if none, everyone. The picking rule then runs on that pool.
 */
export function availablePool<T>(
  pool: readonly T[],
  availability: AgentAvailability,
  userOf: (member: T) => string,
): T[] {
  if (![...availability.values()].some((category) => category !== 'Active')) return [...pool];
  const categoryOf = (member: T) => availability.get(userOf(member)) ?? 'Active';
  const active = pool.filter((member) => categoryOf(member) === 'Active');
  if (active.length > 0) return active;
  const reachable = pool.filter((member) => categoryOf(member) !== 'Unavailable');
  return reachable.length > 0 ? reachable : [...pool];
}
