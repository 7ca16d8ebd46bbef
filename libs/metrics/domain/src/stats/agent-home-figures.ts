import { addDays, averageStars, daysBetween, type DateRange } from '../dashboard/index.js';
import { pythonRound } from '../python-rounding.js';
import { monthLabel } from './sla-violations.js';
import type { StarCounts, Summed } from './stats-figures.js';

const AGENT_TICKET_PERIODS: Readonly<Record<string, number>> = {
  'last 7 days': 7,
  'last week': 7,
  'last month': 30,
  'last 3 months': 90,
};

/**
 * `get_agent_tickets`' windows: the last `days` days, and before them a window one day shorter
 * (Frappe's `[from − (days − 1), from − 1]`); an unknown period is a month.
 */
export function agentTicketWindows(
  period: string,
  today: string,
): { current: DateRange; previous: DateRange } {
  const days = AGENT_TICKET_PERIODS[period] ?? 30;
  const from = addDays(today, -(days - 1));
  return {
    current: { from, to: today },
    previous: { from: addDays(from, -(days - 1)), to: addDays(from, -1) },
  };
}

const FEEDBACK_PERIODS: Readonly<Record<string, number>> = {
  last_week: 7,
  last_month: 30,
  last_3_months: 90,
  last_6_months: 180,
};

/** `get_recent_feedback`'s first creation date; null for all time (and an unknown period). */
export function feedbackSince(period: string, today: string): string | null {
  const days = FEEDBACK_PERIODS[period];
  return days === undefined ? null : addDays(today, -days);
}

export interface RecentFeedbackSummary {
  average_rating: number;
  total_feedbacks: number;
  rating_distribution: Record<1 | 2 | 3 | 4 | 5, number>;
}

/** The average stars to one place, how many were rated, and how many show each of 1–5 stars. */
export function recentFeedbackSummary(
  rated: number,
  ratingSum: number,
  stars: StarCounts,
): RecentFeedbackSummary {
  const rating_distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (let star = 1; star <= 5; star++) {
    rating_distribution[star as 1 | 2 | 3 | 4 | 5] = stars[star] ?? 0;
  }
  return {
    average_rating: pythonRound(averageStars(ratingSum, rated), 1),
    total_feedbacks: rated,
    rating_distribution,
  };
}

const TIME_METRIC_PERIODS: Readonly<Record<string, number>> = { '3m': 90, '6m': 180, '1y': 365 };

/** `get_avg_time_metrics`' range: the last 3, 6 or 12 months by days (6 when unknown). */
export function timeMetricsRange(period: string, today: string): DateRange {
  return { from: addDays(today, -(TIME_METRIC_PERIODS[period] ?? 180)), to: today };
}

export interface MonthlyTimeMetrics {
  data: [string, number, number][];
  averages: { first_response: number; resolution: number };
}

/**
 * Per creation month of the range (every month present, empty ones 0): the average first
 * response and resolution seconds, rounded to whole seconds; and the range's averages unrounded.
 */
export function monthlyTimeMetrics(
  range: DateRange,
  months: ReadonlyMap<string, { firstResponse: Summed; resolution: Summed }>,
  overall: { firstResponse: Summed; resolution: Summed },
): MonthlyTimeMetrics {
  const average = ({ sum, count }: Summed) => (count > 0 ? sum / count : 0);
  const data: [string, number, number][] = [];
  if (daysBetween(range.from, range.to) >= 0) {
    const [fromYear, fromMonth] = range.from.split('-').map(Number) as [number, number];
    const [toYear, toMonth] = range.to.split('-').map(Number) as [number, number];
    for (let index = fromYear * 12 + fromMonth - 1; index <= toYear * 12 + toMonth - 1; index++) {
      const key = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
      const month = months.get(key);
      data.push([
        monthLabel(key),
        month ? pythonRound(average(month.firstResponse)) : 0,
        month ? pythonRound(average(month.resolution)) : 0,
      ]);
    }
  }
  return {
    data,
    averages: {
      first_response: average(overall.firstResponse),
      resolution: average(overall.resolution),
    },
  };
}
