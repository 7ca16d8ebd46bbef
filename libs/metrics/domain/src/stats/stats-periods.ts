import { addDays, type DateRange } from '../dashboard/index.js';

/** The ticket stats' periods in days (helpdesk-behaviour §5.2); an unknown one is a week. */
const PERIOD_DAYS: Readonly<Record<string, number>> = {
  'last week': 7,
  'last month': 30,
  'last 3 months': 90,
  'last 6 months': 180,
};

export function statsPeriodDays(period: string): number {
  return PERIOD_DAYS[period] ?? 7;
}

export interface StatsWindows {
  days: number;
  current: DateRange;
  previous: DateRange;
}

/** The last `days` days up to today, and the `days` before them. */
export function statsWindows(days: number, today: string): StatsWindows {
  return {
    days,
    current: { from: addDays(today, -(days - 1)), to: today },
    previous: { from: addDays(today, -(2 * days - 1)), to: addDays(today, -days) },
  };
}
