const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Frappe's search favours what changed lately (`SQLiteSearch._get_recency_boost`): ×1.8 within a
 * day, ×1.5 within a week, ×1.2 within a month, ×1.1 within a quarter, then 0.005 less per day,
 * never below ×0.5. A result's `score` is its relevance times this.
 */
export function recencyBoost(modified: Date, now: Date): number {
  const age = now.getTime() - modified.getTime();
  if (age <= DAY_MS) return 1.8;
  if (age <= 7 * DAY_MS) return 1.5;
  if (age <= 30 * DAY_MS) return 1.2;
  if (age <= 90 * DAY_MS) return 1.1;
  return Math.max(0.5, 1.1 - ((age - 90 * DAY_MS) / DAY_MS) * 0.005);
}
