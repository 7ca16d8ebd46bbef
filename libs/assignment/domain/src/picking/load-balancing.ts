/**
 * The user with the fewest open assignments (Open ToDos on HD Ticket); on a tie, the one listed
 * first, as Frappe's stable sort keeps it. A user missing from `openCounts` has none.
 */
export function leastLoadedUser(
  users: readonly string[],
  openCounts: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null;
  let fewest = Infinity;
  for (const user of users) {
    const count = openCounts.get(user) ?? 0;
    if (count < fewest) [best, fewest] = [user, count];
  }
  return best;
}
