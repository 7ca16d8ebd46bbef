import {
  breakdownCharts,
  dashboardWindow,
  feedbackTrendChart,
  localDate,
  localMidnight,
  numberCards,
  ticketTrendChart,
} from '@helpdesk/metrics-domain';
import { METRICS_METHOD } from '@helpdesk/metrics-contracts';
import type { MethodHandler, MethodReply } from '@helpdesk/shared-messaging';
import { assertAgent } from '../metrics-access.js';
import { dashboardFilters } from './dashboard-filters.js';
import type { DashboardReads } from './dashboard-reads.port.js';

export interface MetricsClock {
  now(): Date;
  /** The site's zone: days are its calendar days. */
  timeZone: string;
}

/**
 * `helpdesk.api.dashboard.get_dashboard_data` (helpdesk-behaviour §5.1): the number cards, the
 * two trends or the four breakdowns, from the rollups.
 */
export function dashboardMethods(
  reads: DashboardReads,
  clock: MetricsClock,
): ReadonlyMap<string, MethodHandler> {
  const getDashboardData: MethodHandler = async (params, context): Promise<MethodReply> => {
    assertAgent(context);
    const today = localDate(clock.now(), clock.timeZone);
    const filters = dashboardFilters(params.filters, context, today);
    const { fromDate, toDate } = filters;
    switch (params.dashboard_type) {
      case 'number_card': {
        const figures = await reads.numberCardFigures(filters, dashboardWindow(fromDate, toDate));
        return {
          message: numberCards(
            figures.creation.current,
            figures.creation.previous,
            figures.feedback,
          ),
        };
      }
      case 'trend': {
        const after = localMidnight(fromDate, clock.timeZone);
        const trend = await reads.trendFigures(filters, { from: fromDate, to: toDate, after });
        return {
          message: [
            ticketTrendChart(trend.tickets, fromDate, toDate),
            feedbackTrendChart(trend.feedback),
          ],
        };
      }
      case 'master':
        return {
          message: breakdownCharts(await reads.breakdowns(filters, { from: fromDate, to: toDate })),
        };
      default:
        // Frappe's method falls through and returns nothing.
        return {};
    }
  };
  return new Map([[METRICS_METHOD.dashboardData, getDashboardData]]);
}
