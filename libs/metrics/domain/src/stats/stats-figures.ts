import { datesFrom, type DateRange } from '../dashboard/index.js';
import { pythonRound } from '../python-rounding.js';
import { percentageChange } from './percentage-change.js';

/** A sum and how many values it adds up. */
export interface Summed {
  sum: number;
  count: number;
}

const averageOf = ({ sum, count }: Summed) => (count > 0 ? sum / count : 0);

export interface AvgTimeMetric {
  data: { date: string; avg_time: number }[];
  average: number;
  percentage_change: number | null;
}

/**
 * `get_avg_time_metric`: the daily averages over the current window (every day, 0 when none, to
 * two places), the window's average to two places, and its change on the previous window's.
 */
export function avgTimeMetric(
  window: DateRange,
  daily: ReadonlyMap<string, Summed>,
  current: Summed,
  previous: Summed,
): AvgTimeMetric {
  return {
    data: datesFrom(window.from, window.to).map((date) => {
      const day = daily.get(date);
      return { date, avg_time: day && day.count > 0 ? pythonRound(averageOf(day), 2) : 0 };
    }),
    average: pythonRound(averageOf(current), 2),
    percentage_change: percentageChange(averageOf(current), averageOf(previous)),
  };
}

export interface DailyCounts {
  data: { date: string; count: number }[];
  total: number;
  percentage_change: number | null;
}

/** A count per day over the window (every day present), its total and its change. */
export function dailyCounts(
  window: DateRange,
  daily: ReadonlyMap<string, number>,
  previousTotal: number,
): DailyCounts {
  const data = datesFrom(window.from, window.to).map((date) => ({
    date,
    count: daily.get(date) ?? 0,
  }));
  const total = data.reduce((sum, day) => sum + day.count, 0);
  return { data, total, percentage_change: percentageChange(total, previousTotal) };
}

/** Star counts of rated tickets: index n is how many show n stars (`ROUND(rating × 5)`). */
export type StarCounts = readonly number[];

export interface FeedbackReceived {
  data: Record<1 | 2 | 3 | 4 | 5, number>;
  average: number;
  total: number;
}

/**
 * `get_feedback_received`: tickets per star (a rating under half a star counts as one), the
 * average of those stars to one place, and how many were rated.
 */
export function feedbackReceived(stars: StarCounts): FeedbackReceived {
  const data = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let total = 0;
  let weighted = 0;
  stars.forEach((count, star) => {
    if (count === 0) return;
    const shown = Math.max(1, Math.min(5, star)) as 1 | 2 | 3 | 4 | 5;
    data[shown] += count;
    total += count;
    weighted += shown * count;
  });
  return { data, average: total > 0 ? pythonRound(weighted / total, 1) : 0, total };
}
