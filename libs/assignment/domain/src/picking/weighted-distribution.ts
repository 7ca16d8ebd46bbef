export interface WeightedPick {
  user: string;
  /** Where the next pick starts. */
  nextIndex: number;
}

/**
 * A fixed cycle in which each user appears `weight` times in a row, in list order: weights
 * A 1, B 3 give A, B, B, B, A, … `currentIndex` is the place in that cycle, taken modulo its
 * length so a shorter pool (or changed weights) still lands on someone.
 */
export function weightedUser(
  rows: readonly { user: string; weight: number }[],
  currentIndex: number,
): WeightedPick | null {
  const cycle = rows.flatMap(({ user, weight }) => Array<string>(Math.max(1, weight)).fill(user));
  if (cycle.length === 0) return null;
  const place = ((currentIndex % cycle.length) + cycle.length) % cycle.length;
  return { user: cycle[place] as string, nextIndex: (place + 1) % cycle.length };
}
