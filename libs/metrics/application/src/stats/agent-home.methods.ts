import {
  agentTicketWindows,
  dailyCounts,
  feedbackSince,
  isIsoDate,
  localDate,
  monthlyTimeMetrics,
  pythonRound,
  recentFeedbackSummary,
  timeMetricsRange,
  type DateRange,
} from '@helpdesk/metrics-domain';
import { METRICS_METHOD } from '@helpdesk/metrics-contracts';
import { formatFrappeDatetime, FrappeError } from '@helpdesk/shared-frappe-api';
import type { MethodHandler } from '@helpdesk/shared-messaging';
import type { MetricsClock } from '../dashboard/dashboard.methods.js';
import { assertAgent } from '../metrics-access.js';
import { avgTimeMetricOf, type TimeField } from './scope-metrics.js';
import type { ContactCard, ContactCards, StatsReads } from './stats-reads.port.js';

const RECENT_FEEDBACKS = 20;

/**
 * `helpdesk.api.agent_home.agent_home.*` (helpdesk-behaviour §5.4) for the calling agent: their
 * tickets per day, their average times, their feedback and their monthly averages. Feedback rows
 * name their contact as agent-service knows it now (`contacts`), as Frappe joins Contact.
 */
export function agentHomeMethods(
  reads: StatsReads,
  clock: MetricsClock,
  contacts: ContactCards,
): ReadonlyMap<string, MethodHandler> {
  const today = () => localDate(clock.now(), clock.timeZone);
  const text = (params: Record<string, unknown>, key: string, fallback: string) =>
    typeof params[key] === 'string' && params[key] !== '' ? (params[key] as string) : fallback;
  const timeMetric =
    (field: TimeField): MethodHandler =>
    async (params, context) => {
      assertAgent(context);
      const period = text(params, 'period', 'last month');
      return {
        message: await avgTimeMetricOf(reads, 'agent', context.user, period, field, today()),
      };
    };

  return new Map<string, MethodHandler>([
    [
      METRICS_METHOD.agentTickets,
      async (params, context) => {
        assertAgent(context);
        const windows = agentTicketWindows(text(params, 'period', 'last month'), today());
        const [days, previous] = await Promise.all([
          reads.scopeDays('agent', context.user, windows.current),
          reads.scopeTotals('agent', context.user, windows.previous),
        ]);
        const daily = new Map(days.map((day) => [day.date, day.created]));
        return { message: dailyCounts(windows.current, daily, previous.created) };
      },
    ],
    [METRICS_METHOD.agentFirstResponseTime, timeMetric('first_response_time')],
    [METRICS_METHOD.agentResolutionTime, timeMetric('resolution_time')],
    [
      METRICS_METHOD.recentFeedback,
      async (params, context) => {
        assertAgent(context);
        const period = text(params, 'period', 'all_time');
        const range =
          period === 'custom_range'
            ? { from: dateParam(params, 'from_date'), to: dateParam(params, 'to_date') }
            : { from: feedbackSince(period, today()), to: null };
        const order =
          text(params, 'sort_order', 'positive_first') === 'negative_first' ? 'worst' : 'best';
        const [totals, rated] = await Promise.all([
          reads.scopeTotals('agent', context.user, closed(range, today())),
          reads.ratedTickets(context.user, range, order, RECENT_FEEDBACKS),
        ]);
        const named = [...new Set(rated.flatMap((ticket) => ticket.contact ?? []))];
        const cards =
          named.length > 0
            ? await contacts.cardsOf(named, context)
            : new Map<string, ContactCard>();
        return {
          message: {
            ...recentFeedbackSummary(totals.rated, totals.ratingSum, totals.stars),
            recent_feedbacks: rated.map((ticket) => {
              const card = ticket.contact ? cards.get(ticket.contact) : undefined;
              return {
                ...ticket,
                contact_name: card?.full_name ?? null,
                contact_image: card?.image ?? null,
                modified: formatFrappeDatetime(new Date(ticket.modified), clock.timeZone),
                star_rating: pythonRound(ticket.feedback_rating * 5, 1),
              };
            }),
          },
        };
      },
    ],
    [
      METRICS_METHOD.avgTimeMetrics,
      async (params, context) => {
        assertAgent(context);
        const period = text(params, 'period', '6m');
        const range: DateRange =
          period === 'custom_range'
            ? { from: requiredDate(params, 'from_date'), to: requiredDate(params, 'to_date') }
            : timeMetricsRange(period, today());
        const [days, totals] = await Promise.all([
          reads.scopeDays('agent', context.user, range),
          reads.scopeTotals('agent', context.user, range),
        ]);
        const months = new Map<
          string,
          {
            firstResponse: { sum: number; count: number };
            resolution: { sum: number; count: number };
          }
        >();
        for (const day of days) {
          const key = day.date.slice(0, 7);
          const month = months.get(key) ?? {
            firstResponse: { sum: 0, count: 0 },
            resolution: { sum: 0, count: 0 },
          };
          month.firstResponse.sum += day.responded.sum;
          month.firstResponse.count += day.responded.count;
          month.resolution.sum += day.resolution.sum;
          month.resolution.count += day.resolution.count;
          months.set(key, month);
        }
        return {
          message: monthlyTimeMetrics(range, months, {
            firstResponse: totals.responded,
            resolution: totals.resolution,
          }),
        };
      },
    ],
  ]);
}

/** A range with open ends closed: from the first day there can be, up to today. */
function closed(range: { from: string | null; to: string | null }, today: string): DateRange {
  return { from: range.from ?? '0001-01-01', to: range.to ?? today };
}

function dateParam(params: Record<string, unknown>, key: string): string | null {
  const value = params[key];
  if (value === undefined || value === null || value === '') return null;
  const date = String(value).trim().slice(0, 10);
  if (!isIsoDate(date)) throw FrappeError.validation(`${key} must be a date (YYYY-MM-DD)`);
  return date;
}

function requiredDate(params: Record<string, unknown>, key: string): string {
  const date = dateParam(params, key);
  if (!date)
    throw new FrappeError('MandatoryError', `Error: Value missing: ${key}`, 'Missing Fields');
  return date;
}
