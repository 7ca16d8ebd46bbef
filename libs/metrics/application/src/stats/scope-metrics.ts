import {
  avgTimeMetric,
  slaViolations,
  statsPeriodDays,
  statsWindows,
  type AvgTimeMetric,
  type DailyCounts,
  type StatsScope,
  type Summed,
} from '@helpdesk/metrics-domain';
import type { ScopeFigures, StatsReads } from './stats-reads.port.js';

export type TimeField = 'first_response_time' | 'resolution_time';

const summedOf =
  (field: TimeField) =>
  (figures: ScopeFigures): Summed =>
    field === 'first_response_time' ? figures.firstResponse : figures.resolution;

/**
 * `get_avg_time_metric` (helpdesk-behaviour §5.2) for one agent, customer or contact: the
 * average of a time field over tickets created in the period, per day and in all, beside the
 * period before. A resolution time counts only on a resolved ticket.
 */
export async function avgTimeMetricOf(
  reads: StatsReads,
  scope: StatsScope,
  value: string,
  period: string,
  field: TimeField,
  today: string,
): Promise<AvgTimeMetric> {
  const windows = statsWindows(statsPeriodDays(period), today);
  const pick = summedOf(field);
  const [days, current, previous] = await Promise.all([
    reads.scopeDays(scope, value, windows.current),
    reads.scopeTotals(scope, value, windows.current),
    reads.scopeTotals(scope, value, windows.previous),
  ]);
  return avgTimeMetric(
    windows.current,
    new Map(days.map((day) => [day.date, pick(day)])),
    pick(current),
    pick(previous),
  );
}

/** `get_sla_violations` for a customer or contact. */
export async function slaViolationsOf(
  reads: StatsReads,
  scope: StatsScope,
  value: string,
  period: string,
  today: string,
): Promise<DailyCounts> {
  const windows = statsWindows(statsPeriodDays(period), today);
  const [days, previous] = await Promise.all([
    reads.scopeDays(scope, value, windows.current),
    reads.scopeTotals(scope, value, windows.previous),
  ]);
  return slaViolations(
    windows.days,
    windows.current,
    new Map(days.map((day) => [day.date, day.failed])),
    previous.failed,
  );
}
