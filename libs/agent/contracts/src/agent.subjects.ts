/** NATS request/reply subjects served by agent-service (queue group `agent-service`). */
export const AgentSubjects = {
  authenticateApiKey: 'agent.query.authenticate-api-key',
  linkTeamAssignmentRule: 'agent.command.link-team-assignment-rule',
} as const;

export const AGENT_SERVICE_QUEUE = 'agent-service';

/** agent-service answers `agent.resource.<op>` and `agent.method` for these. */
export const AGENT_SERVICE = 'agent';

export const AGENT_SERVICE_DOCTYPES = ['User', 'HD Agent', 'HD Team', 'HD Agent Status'] as const;

/** Whitelisted methods agent-service answers on `agent.method`. */
export const AGENT_SERVICE_METHODS = [
  'frappe.core.doctype.user.user.generate_keys',
  'helpdesk.api.agent.sent_invites',
  'helpdesk.api.agent.set_my_availability',
  'helpdesk.api.auth.get_user',
  'helpdesk.api.session.get_users',
  'helpdesk.helpdesk.doctype.hd_team.hd_team.get_team_members',
  'helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role',
] as const;
