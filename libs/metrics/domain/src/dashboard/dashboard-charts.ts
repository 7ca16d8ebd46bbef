import { pythonFixed } from '../python-rounding.js';
import { daysBetween } from './local-day.js';
import { averageStars } from './number-cards.js';

/** One creation day of the ticket trend. */
export interface TrendDay {
  date: string;
  created: number;
  open: number;
  resolved: number;
  fulfilled: number;
}

/** One resolution day of the feedback trend; ratings in hundredths. */
export interface FeedbackDay {
  date: string;
  resolved: number;
  rated: number;
  ratingSum: number;
}

export interface AxisChart {
  type: 'axis';
  data: unknown[];
  title: string;
  subtitle: string;
  xAxis: { key: string; type: string; title: string; timeGrain: string };
  yAxis: { title: string };
  series: Record<string, unknown>[];
  [option: string]: unknown;
}

export interface PieChart {
  type: 'pie';
  data: unknown[];
  title: string;
  subtitle: string;
  categoryColumn: string;
  valueColumn: string;
}

/**
 * "Ticket Trend": per creation day with tickets, how many are in an Open-category status, in a
 * Resolved-category one (Paused ones in neither) and Fulfilled (a count, on the "% SLA" axis, as
 * Frappe plots it); the subtitle is tickets per day over the window, to the unit.
 */
export function ticketTrendChart(
  days: readonly TrendDay[],
  fromDate: string,
  toDate: string,
): AxisChart {
  const shown = days.filter((day) => day.created > 0);
  const total = shown.reduce((sum, day) => sum + day.created, 0);
  const perDay = total / (daysBetween(fromDate, toDate) + 1 || 1);
  return {
    type: 'axis',
    data: shown.map((day) => ({
      date: day.date,
      open: day.open,
      closed: day.resolved,
      SLA_fulfilled: day.fulfilled,
    })),
    title: 'Ticket Trend',
    subtitle: `Average tickets per day is around ${pythonFixed(perDay, 0)}`,
    xAxis: { key: 'date', type: 'time', title: 'Date', timeGrain: 'day' },
    yAxis: { title: 'Tickets' },
    series: [
      { name: 'closed', type: 'bar' },
      { name: 'open', type: 'bar' },
      { name: 'SLA_fulfilled', type: 'line', showDataPoints: true, axis: 'y2' },
    ],
    stacked: true,
    y2Axis: { title: '% SLA', yMin: 0, yMax: 100 },
  };
}

/**
 * "Feedback Trend": per resolution day, the rated tickets and their average stars (null on a day
 * with resolved tickets but no rating); the subtitle is the window's average, to one place.
 */
export function feedbackTrendChart(days: readonly FeedbackDay[]): AxisChart {
  const shown = days.filter((day) => day.resolved > 0);
  const rated = shown.reduce((sum, day) => sum + day.rated, 0);
  const ratingSum = shown.reduce((sum, day) => sum + day.ratingSum, 0);
  return {
    type: 'axis',
    data: shown.map((day) => ({
      date: day.date,
      rating: day.rated > 0 ? averageStars(day.ratingSum, day.rated) : null,
      rated_tickets: day.rated,
    })),
    title: 'Feedback Trend',
    subtitle: `Average feedback rating per day is around ${pythonFixed(averageStars(ratingSum, rated), 1)} stars`,
    xAxis: { key: 'date', type: 'time', title: 'Date', timeGrain: 'day' },
    yAxis: { title: 'Rated Tickets' },
    series: [
      { name: 'rated_tickets', type: 'bar' },
      { name: 'rating', type: 'line', showDataPoints: true, axis: 'y2', color: '#48BB74' },
    ],
    y2Axis: { title: 'Rating', yMin: 0, yMax: 5 },
  };
}

/** Tickets created in the window per team, type, priority and channel ('' = not set). */
export interface Breakdowns {
  team: ReadonlyMap<string, number>;
  type: ReadonlyMap<string, number>;
  priority: ReadonlyMap<string, number>;
  channel: ReadonlyMap<string, number>;
}

interface Breakdown {
  key: string;
  label: string;
  rows: Record<string, unknown>[];
}

/**
 * The four breakdown charts, biggest group first: a pie under seven groups, else bars; the
 * channel is always a pie, Portal before Email.
 */
export function breakdownCharts(breakdowns: Breakdowns): (PieChart | AxisChart)[] {
  const byCount = (
    groups: ReadonlyMap<string, number>,
    key: string,
    name: (v: string) => unknown,
  ) =>
    [...groups.entries()]
      .filter(([, count]) => count > 0)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .map(([value, count]) => ({ [key]: name(value), count }));
  const channels = ['Portal', 'Email']
    .filter((channel) => (breakdowns.channel.get(channel) ?? 0) > 0)
    .map((channel) => ({ channel, count: breakdowns.channel.get(channel) }));
  return [
    chart({
      key: 'team',
      label: 'Team',
      rows: byCount(breakdowns.team, 'team', (v) => v || 'No Team'),
    }),
    chart({ key: 'type', label: 'Type', rows: byCount(breakdowns.type, 'type', (v) => v || null) }),
    chart({
      key: 'priority',
      label: 'Priority',
      rows: byCount(breakdowns.priority, 'priority', (v) => v || null),
    }),
    pie({ key: 'channel', label: 'Channel', rows: channels }),
  ];
}

function chart(breakdown: Breakdown): PieChart | AxisChart {
  if (breakdown.rows.length < 7) return pie(breakdown);
  return {
    type: 'axis',
    data: breakdown.rows,
    title: `Tickets by ${breakdown.label}`,
    subtitle: `Total Tickets by ${breakdown.label}`,
    xAxis: { key: breakdown.key, type: 'category', title: breakdown.label, timeGrain: 'day' },
    yAxis: { title: 'Tickets' },
    series: [{ name: 'count', type: 'bar' }],
  };
}

function pie(breakdown: Breakdown): PieChart {
  return {
    type: 'pie',
    data: breakdown.rows,
    title: `Tickets by ${breakdown.label}`,
    subtitle: `Percentage of Total Tickets by ${breakdown.label}`,
    categoryColumn: breakdown.key,
    valueColumn: 'count',
  };
}
