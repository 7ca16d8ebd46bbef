import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { METRICS_METHOD } from '@helpdesk/metrics-contracts';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { MethodHandler, RequestContext } from '@helpdesk/shared-messaging';
import {
  agentDashboardMethods,
  type AgentDashboardSources,
  type SavedLayout,
} from './agent-dashboard.methods.js';
import { DEFAULT_AGENT_DASHBOARD } from './default-agent-dashboard.js';

const HOME = 'helpdesk.api.agent_home.agent_home';
const agent: RequestContext = { user: 'ann@help.example', roles: ['Agent'], correlationId: 'c' };
const customer: RequestContext = { user: 'jo@a.example', roles: [], correlationId: 'c' };

/** Local charts answering their name and the arguments they were given. */
const local = new Map<string, MethodHandler>(
  ['agent_tickets', 'avg_first_response_time', 'avg_resolution_time'].map((chart) => [
    `${HOME}.get_${chart}`,
    (params, context) => Promise.resolve({ message: { chart, params, user: context.user } }),
  ]),
);

function sources(saved: SavedLayout | undefined) {
  const asked: string[] = [];
  const fake: AgentDashboardSources = {
    savedLayout: (context) => {
      asked.push(`layout of ${context.user}`);
      return Promise.resolve(saved);
    },
    remoteChart: (method, context) => {
      asked.push(`${method} as ${context.user}`);
      return Promise.resolve({ message: { remote: method } });
    },
  };
  return { fake, asked };
}

const dashboard = (saved: SavedLayout | undefined, params = {}, context = agent) => {
  const { fake, asked } = sources(saved);
  const methods = agentDashboardMethods(local, [`${HOME}.get_pending_tickets`], fake);
  const run = methods.get(METRICS_METHOD.agentDashboard)!(params, context);
  return { run, asked };
};

describe('get_dashboard', () => {
  it('given no saved layout, then the seven default charts, each with its data', async () => {
    const { run, asked } = dashboard(undefined);
    const { message } = await run;
    const { layout, default_layout, dashboard_id } = message as {
      layout: { chart: string; layout: unknown; data: unknown }[];
      default_layout: string;
      dashboard_id: string | null;
    };
    assert.equal(dashboard_id, null);
    assert.equal(default_layout, DEFAULT_AGENT_DASHBOARD);
    assert.deepEqual(
      layout.map((chart) => chart.chart),
      [
        'avg_resolution_time',
        'avg_first_response_time',
        'agent_tickets',
        'pending_tickets',
        'recent_activity',
        'recent_feedback',
        'avg_time_metrics',
      ],
    );
    const byChart = new Map(layout.map((chart) => [chart.chart, chart.data]));
    assert.deepEqual(byChart.get('agent_tickets'), {
      chart: 'agent_tickets',
      params: {},
      user: agent.user,
    });
    assert.deepEqual(byChart.get('pending_tickets'), {
      remote: `${HOME}.get_pending_tickets`,
    });
    // Served nowhere in this registry: no data, as Frappe gives a chart without a method.
    assert.equal(byChart.get('recent_feedback'), null);
    assert.ok(asked.includes(`${HOME}.get_pending_tickets as ${agent.user}`));
  });

  it('given a saved layout, then its charts and its name; reset_layout gives the default', async () => {
    const saved = {
      name: 'a1b2c3d4e5',
      layout: JSON.stringify([{ chart: 'agent_tickets', layout: { x: 0, y: 0, w: 20, h: 10 } }]),
    };
    const own = (await dashboard(saved).run).message as Record<string, unknown>;
    assert.equal(own.dashboard_id, 'a1b2c3d4e5');
    assert.deepEqual(own.layout, [
      {
        chart: 'agent_tickets',
        layout: { x: 0, y: 0, w: 20, h: 10 },
        data: { chart: 'agent_tickets', params: {}, user: agent.user },
      },
    ]);
    const reset = (await dashboard(saved, { reset_layout: 'true' }).run).message as Record<
      string,
      unknown
    >;
    assert.equal(reset.dashboard_id, 'a1b2c3d4e5');
    assert.equal((reset.layout as unknown[]).length, 7);
  });

  it('refuses non-agents before asking anyone', async () => {
    const { run, asked } = dashboard(undefined, {}, customer);
    await assert.rejects(
      run,
      (error: unknown) => error instanceof FrappeError && error.httpStatus === 403,
    );
    assert.deepEqual(asked, []);
  });
});
