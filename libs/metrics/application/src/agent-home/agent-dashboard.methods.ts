import { METRICS_METHOD } from '@helpdesk/metrics-contracts';
import { flagArgument, FrappeError } from '@helpdesk/shared-frappe-api';
import type { MethodHandler, MethodReply, RequestContext } from '@helpdesk/shared-messaging';
import { assertAgent } from '../metrics-access.js';
import { DEFAULT_AGENT_DASHBOARD } from './default-agent-dashboard.js';

const AGENT_HOME = 'helpdesk.api.agent_home.agent_home';

/** A user's saved agent-home layout (HD Field Layout, type Landing Page). */
export interface SavedLayout {
  name: string;
  /** JSON text: `[{chart, layout}]`. */
  layout: string;
}

/** What the agent home needs from other services, asked as the agent. */
export interface AgentDashboardSources {
  /** The agent's own Landing Page layout, from its owner; undefined when they saved none. */
  savedLayout(context: RequestContext): Promise<SavedLayout | undefined>;
  /** A chart's data from the service that answers `method`, called without arguments. */
  remoteChart(method: string, context: RequestContext): Promise<MethodReply>;
}

interface Chart {
  chart: string;
  layout: unknown;
  data?: unknown;
}

/**
 * `helpdesk.api.agent_home.agent_home.get_dashboard(reset_layout)`: the agent's layout (or the
 * default), each chart filled by its own method as called with no arguments (`get_<chart>`):
 * those metrics-worker serves from its projections here, the agent's own tickets and activity
 * from ticket-service. A chart no method serves has no data, as in Frappe.
 */
export function agentDashboardMethods(
  localCharts: ReadonlyMap<string, MethodHandler>,
  remoteCharts: readonly string[],
  sources: AgentDashboardSources,
): ReadonlyMap<string, MethodHandler> {
  const dataOf = async (chart: string, context: RequestContext): Promise<unknown> => {
    const method = `${AGENT_HOME}.get_${chart}`;
    const local = localCharts.get(method);
    if (local) return (await local({}, context)).message;
    if (remoteCharts.includes(method)) return (await sources.remoteChart(method, context)).message;
    return null;
  };
  return new Map<string, MethodHandler>([
    [
      METRICS_METHOD.agentDashboard,
      async (params, context) => {
        assertAgent(context);
        const saved = await sources.savedLayout(context);
        const text =
          saved && !flagArgument(params.reset_layout) ? saved.layout : DEFAULT_AGENT_DASHBOARD;
        const layout = await Promise.all(
          chartsOf(text).map(async (chart) => ({
            ...chart,
            data: await dataOf(chart.chart, context),
          })),
        );
        return {
          message: {
            layout,
            default_layout: DEFAULT_AGENT_DASHBOARD,
            dashboard_id: saved?.name ?? null,
          },
        };
      },
    ],
  ]);
}

/** The charts of a layout; agent-service checks a saved one's shape when it is written. */
function chartsOf(text: string): Chart[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw FrappeError.validation('The saved dashboard layout is not valid JSON');
  }
  if (
    !Array.isArray(parsed) ||
    !parsed.every(
      (item): item is Chart =>
        typeof item === 'object' && item !== null && typeof item.chart === 'string',
    )
  ) {
    throw FrappeError.validation('The saved dashboard layout must be a list of charts');
  }
  return parsed;
}
