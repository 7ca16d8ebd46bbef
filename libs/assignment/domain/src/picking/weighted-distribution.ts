export interface WeightedPick {
  user: string;
  /** Where the next pick starts. */
  nextIndex: number;
}

/**
 * A fixed cycle in which each user appears `weight` times in a row, in list order: weights
 * A 1, B 3 give A, B, B, B, A, … `currentIndex` is the place in that cycle, taken modulo its
 * length so a shorter pool (or changed weights) still lands on someone. The cycle is walked,
 * never built, so a large weight costs nothing.
 */
export function weightedUser(
  rows: readonly { user: string; weight: number }[],
  currentIndex: number,
): WeightedPick | null {
  const weights = rows.map(({ weight }) => Math.max(1, weight));
  const length = weights.reduce((sum, weight) => sum + weight, 0);
  if (length === 0) return null;
  const place = ((currentIndex % length) + length) % length;
  let end = 0;
  for (const [i, { user }] of rows.entries()) {
    end += weights[i] ?? 1;
    if (place < end) return { user, nextIndex: (place + 1) % length };
  }
  return null;
}
