import { METRICS_METHOD } from '@helpdesk/metrics-contracts';
import { AGENTS, get, post, type AuthorizationRow } from './authorization-cells.js';

const method = (name: string) => `method ${name}`;
const AGENT_HOME = 'helpdesk.api.agent_home.agent_home';

/**
 * The routes of dashboards, ticket stats and the agent home, × every persona: agents only
 * (`@agent_only`); each asks for what a plain agent may see, their own tickets.
 */
export const DASHBOARD_ROWS: AuthorizationRow[] = [
  {
    route: method(METRICS_METHOD.dashboardData),
    request: () =>
      post(METRICS_METHOD.dashboardData, {
        dashboard_type: 'number_card',
        filters: { agent: '@me' },
      }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.ticketStats),
    request: (f) => get(METRICS_METHOD.ticketStats, { dt: 'HD Customer', dn: f.hdCustomerA }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.feedbackReceived),
    request: () => get(METRICS_METHOD.feedbackReceived, { scope: 'agent' }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.slaViolations),
    request: (f) => get(METRICS_METHOD.slaViolations, { dt: 'Contact', dn: f.contactA }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.statsFirstResponseTime),
    request: (f) => get(METRICS_METHOD.statsFirstResponseTime, { dt: 'Contact', dn: f.contactA }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.statsResolutionTime),
    request: (f) =>
      get(METRICS_METHOD.statsResolutionTime, { dt: 'HD Customer', dn: f.hdCustomerA }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.agentTickets),
    request: () => get(METRICS_METHOD.agentTickets, { period: 'last week' }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.agentFirstResponseTime),
    request: () => get(METRICS_METHOD.agentFirstResponseTime),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.agentResolutionTime),
    request: () => get(METRICS_METHOD.agentResolutionTime),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.recentFeedback),
    request: () => get(METRICS_METHOD.recentFeedback, { sort_order: 'negative_first' }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.avgTimeMetrics),
    request: () => get(METRICS_METHOD.avgTimeMetrics, { period: '3m' }),
    expect: AGENTS(),
  },
  {
    route: method(METRICS_METHOD.agentDashboard),
    request: () => get(METRICS_METHOD.agentDashboard),
    expect: AGENTS(),
  },
  // ticket-service's part of the agent home: the agent's own work.
  {
    route: method(`${AGENT_HOME}.get_pending_tickets`),
    request: () => get(`${AGENT_HOME}.get_pending_tickets`, { ticket_type: 'pending' }),
    expect: AGENTS(),
  },
  {
    route: method(`${AGENT_HOME}.get_recent_activity`),
    request: () => get(`${AGENT_HOME}.get_recent_activity`),
    expect: AGENTS(),
  },
];
