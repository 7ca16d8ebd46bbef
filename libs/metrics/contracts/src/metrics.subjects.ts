/** metrics-worker answers `metrics.method` for these (queue group `metrics-worker`). */
export const METRICS_SERVICE = 'metrics';
export const METRICS_SERVICE_QUEUE = 'metrics-worker';

const AGENT_HOME = 'helpdesk.api.agent_home.agent_home';
const TICKET_STATS = 'helpdesk.api.ticket_stats';

/** The whitelisted methods metrics-worker answers, by what they serve. */
export const METRICS_METHOD = {
  dashboardData: 'helpdesk.api.dashboard.get_dashboard_data',
  ticketStats: `${TICKET_STATS}.get_ticket_stats`,
  feedbackReceived: `${TICKET_STATS}.get_feedback_received`,
  slaViolations: `${TICKET_STATS}.get_sla_violations`,
  statsFirstResponseTime: `${TICKET_STATS}.get_avg_first_response_time`,
  statsResolutionTime: `${TICKET_STATS}.get_avg_resolution_time`,
  agentTickets: `${AGENT_HOME}.get_agent_tickets`,
  agentFirstResponseTime: `${AGENT_HOME}.get_avg_first_response_time`,
  agentResolutionTime: `${AGENT_HOME}.get_avg_resolution_time`,
  recentFeedback: `${AGENT_HOME}.get_recent_feedback`,
  avgTimeMetrics: `${AGENT_HOME}.get_avg_time_metrics`,
  agentDashboard: `${AGENT_HOME}.get_dashboard`,
} as const;

/**
 * Dashboards, ticket stats and the agent home page, served from metrics-worker's projections (the
 * agent home's layout and own-work charts asked of their owners).
 */
export const METRICS_SERVICE_METHODS: readonly string[] = Object.values(METRICS_METHOD);
