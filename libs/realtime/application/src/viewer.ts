/** Who holds a connection, as the handshake authenticated them. */
export interface Viewer {
  user: string;
  roles: readonly string[];
}

const AGENT_ROLES = new Set(['Administrator', 'System Manager', 'Agent Manager', 'Agent']);

/** Frappe Helpdesk's `is_agent()` by roles, the test ticket-service's permission rule uses. */
export function isAgentViewer(viewer: Viewer): boolean {
  return viewer.user === 'Administrator' || viewer.roles.some((role) => AGENT_ROLES.has(role));
}
