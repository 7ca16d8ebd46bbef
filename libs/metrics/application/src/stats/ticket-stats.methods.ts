import { feedbackReceived, localDate, type StatsScope } from '@helpdesk/metrics-domain';
import { METRICS_METHOD } from '@helpdesk/metrics-contracts';
import { FrappeError, textArgument } from '@helpdesk/shared-frappe-api';
import type { MethodHandler, RequestContext } from '@helpdesk/shared-messaging';
import type { MetricsClock } from '../dashboard/dashboard.methods.js';
import { assertAgent, isAgentManager } from '../metrics-access.js';
import { avgTimeMetricOf, slaViolationsOf, type TimeField } from './scope-metrics.js';
import type { StatsReads } from './stats-reads.port.js';

/** The DocTypes whose pages show ticket stats, and the ticket field naming them. */
const SCOPE_OF_DOCTYPE: Readonly<Record<string, StatsScope>> = {
  'HD Customer': 'customer',
  Contact: 'contact',
};
const SCOPES: readonly StatsScope[] = ['agent', 'customer', 'contact'];

/**
 * `helpdesk.api.ticket_stats.*` (helpdesk-behaviour §5.3): a customer's or contact's feedback,
 * SLA violations and average times; feedback also per agent, another agent's for managers only.
 */
export function ticketStatsMethods(
  reads: StatsReads,
  clock: MetricsClock,
): ReadonlyMap<string, MethodHandler> {
  const today = () => localDate(clock.now(), clock.timeZone);
  const period = (params: Record<string, unknown>) =>
    typeof params.period === 'string' ? params.period : 'last month';
  const target = (params: Record<string, unknown>) =>
    [scopeOfDoctype(params.dt), textArgument(params, 'dn')] as const;

  const feedbackOf = async (scope: StatsScope, value: string) =>
    feedbackReceived((await reads.scopeTotals(scope, value, null)).stars);
  const timeMetric =
    (field: TimeField): MethodHandler =>
    async (params, context) => {
      assertAgent(context);
      const [scope, value] = target(params);
      return {
        message: await avgTimeMetricOf(reads, scope, value, period(params), field, today()),
      };
    };

  return new Map<string, MethodHandler>([
    [
      METRICS_METHOD.ticketStats,
      async (params, context) => {
        assertAgent(context);
        const [scope, value] = target(params);
        const [feedback, violations, firstResponse, resolution] = await Promise.all([
          feedbackOf(scope, value),
          slaViolationsOf(reads, scope, value, period(params), today()),
          avgTimeMetricOf(reads, scope, value, period(params), 'first_response_time', today()),
          avgTimeMetricOf(reads, scope, value, period(params), 'resolution_time', today()),
        ]);
        return {
          message: {
            feedback_received: feedback,
            sla_violations: violations,
            avg_first_response_time: firstResponse,
            avg_resolution_time: resolution,
          },
        };
      },
    ],
    [
      METRICS_METHOD.feedbackReceived,
      async (params, context) => {
        assertAgent(context);
        const [scope, value] = feedbackTarget(params, context);
        return { message: await feedbackOf(scope, value) };
      },
    ],
    [
      METRICS_METHOD.slaViolations,
      async (params, context) => {
        assertAgent(context);
        const [scope, value] = target(params);
        return { message: await slaViolationsOf(reads, scope, value, period(params), today()) };
      },
    ],
    [METRICS_METHOD.statsFirstResponseTime, timeMetric('first_response_time')],
    [METRICS_METHOD.statsResolutionTime, timeMetric('resolution_time')],
  ]);
}

function scopeOfDoctype(dt: unknown): StatsScope {
  const scope = typeof dt === 'string' ? SCOPE_OF_DOCTYPE[dt] : undefined;
  if (!scope)
    throw FrappeError.validation(`Unsupported doctype '${String(dt ?? '')}' for ticket stats.`);
  return scope;
}

/** An agent's feedback is their own (by default) unless a manager asks. */
function feedbackTarget(
  params: Record<string, unknown>,
  context: RequestContext,
): [StatsScope, string] {
  const scope = params.scope;
  if (typeof scope !== 'string' || !SCOPES.includes(scope as StatsScope)) {
    throw FrappeError.validation(
      `Invalid scope '${String(scope ?? '')}'. Must be 'agent', 'customer', or 'contact'.`,
    );
  }
  const named = typeof params.value === 'string' && params.value !== '' ? params.value : null;
  if (scope !== 'agent') {
    if (!named)
      throw new FrappeError('MandatoryError', 'Error: Value missing: value', 'Missing Fields');
    return [scope as StatsScope, named];
  }
  const agent = named ?? context.user;
  if (agent !== context.user && !isAgentManager(context)) {
    throw FrappeError.permission("You are not allowed to view another agent's stats.");
  }
  return ['agent', agent];
}
