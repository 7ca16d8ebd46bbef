import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { RequestContext } from '@helpdesk/shared-messaging';

const AGENT_ROLES = ['Administrator', 'System Manager', 'Agent Manager', 'Agent'];

/** `@agent_only`: every dashboard and stat is for agents. */
export function assertAgent(context: RequestContext): void {
  const agent =
    context.user === 'Administrator' || context.roles.some((role) => AGENT_ROLES.includes(role));
  if (!agent) throw FrappeError.permission('You are not permitted to access this resource.');
}

/** Frappe's `"Agent Manager" in frappe.get_roles(user)` (Administrator holds every role). */
export function isAgentManager(context: RequestContext): boolean {
  return (
    context.user === 'Administrator' ||
    context.roles.includes('Administrator') ||
    context.roles.includes('Agent Manager')
  );
}
