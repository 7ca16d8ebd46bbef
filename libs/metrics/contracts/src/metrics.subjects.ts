/** metrics-worker answers `metrics.method` for these (queue group `metrics-worker`). */
export const METRICS_SERVICE = 'metrics';
export const METRICS_SERVICE_QUEUE = 'metrics-worker';

const AGENT_HOME = 'helpdesk.api.agent_home.agent_home';
const TICKET_STATS = 'helpdesk.api.ticket_stats';

/** Dashboards, ticket stats and the agent home page, served from metrics-worker's projections. */
export const METRICS_SERVICE_METHODS = [
  'helpdesk.api.dashboard.get_dashboard_data',
  `${TICKET_STATS}.get_ticket_stats`,
  `${TICKET_STATS}.get_feedback_received`,
  `${TICKET_STATS}.get_sla_violations`,
  `${TICKET_STATS}.get_avg_first_response_time`,
  `${TICKET_STATS}.get_avg_resolution_time`,
  `${AGENT_HOME}.get_dashboard`,
  `${AGENT_HOME}.get_agent_tickets`,
  `${AGENT_HOME}.get_avg_first_response_time`,
  `${AGENT_HOME}.get_avg_resolution_time`,
  `${AGENT_HOME}.get_recent_feedback`,
  `${AGENT_HOME}.get_avg_time_metrics`,
  `${AGENT_HOME}.get_pending_tickets`,
  `${AGENT_HOME}.get_recent_activity`,
] as const;
