/** NATS request/reply subjects served by agent-service (queue group `agent-service`). */
export const AgentSubjects = {
  authenticateApiKey: 'agent.query.authenticate-api-key',
  authenticatePassword: 'agent.query.authenticate-password',
  sessionUser: 'agent.query.session-user',
  linkTeamAssignmentRule: 'agent.command.link-team-assignment-rule',
} as const;

export const AGENT_SERVICE_QUEUE = 'agent-service';

/** agent-service answers `agent.resource.<op>` and `agent.method` for these. */
export const AGENT_SERVICE = 'agent';

export const AGENT_SERVICE_DOCTYPES = [
  'User',
  'HD Agent',
  'HD Team',
  'HD Agent Status',
  'Contact',
  'HD Customer',
  'HD Field Layout',
] as const;

/**
 * Frappe core's User Invitation API under both the paths it has had: `frappe.core.api.…` (what
 * the Helpdesk app calls) and the doctype module's.
 */
const USER_INVITATION_METHODS = [
  'frappe.core.api.user_invitation',
  'frappe.core.doctype.user_invitation.user_invitation',
].flatMap((module) =>
  [
    'invite_by_email',
    'accept_invitation',
    'get_pending_invitations',
    'cancel_invitation',
    'resend_invitation',
  ].map((method) => `${module}.${method}`),
);

/** Whitelisted methods agent-service answers on `agent.method`. */
export const AGENT_SERVICE_METHODS = [
  'frappe.core.doctype.user.user.generate_keys',
  'helpdesk.api.agent.sent_invites',
  'helpdesk.api.agent.set_my_availability',
  'helpdesk.api.auth.get_user',
  'helpdesk.api.session.get_users',
  'helpdesk.helpdesk.doctype.hd_team.hd_team.get_team_members',
  'helpdesk.helpdesk.doctype.hd_agent.hd_agent.update_agent_role',
  'helpdesk.api.contact.search_contacts',
  'helpdesk.api.contact.create_contact',
  'helpdesk.api.contact.edit_contact',
  'helpdesk.api.contact.get_contact_info',
  'helpdesk.api.contact.delete_contact',
  'helpdesk.api.customer.create_customer',
  'helpdesk.api.customer.delete_customer',
  ...USER_INVITATION_METHODS,
] as const;

/**
 * Methods a guest may call: the invitee follows the link before having any credentials. (The
 * gateway lets guests through only where it is told to.)
 */
export const AGENT_SERVICE_GUEST_METHODS = [
  'frappe.core.api.user_invitation.accept_invitation',
  'frappe.core.doctype.user_invitation.user_invitation.accept_invitation',
] as const;
