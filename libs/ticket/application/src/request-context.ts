import type { RequestContext } from '@helpdesk/shared-messaging';

export type { RequestContext };

export function isGuest(context: RequestContext): boolean {
  return context.user === 'Guest';
}

/** Roles that make a user an agent; ticket-service's audience query classifies users by them too. */
export const AGENT_ROLES: readonly string[] = [
  'Administrator',
  'System Manager',
  'Agent Manager',
  'Agent',
];
const MANAGER_ROLES = ['Administrator', 'System Manager', 'Agent Manager'];

/** Frappe Helpdesk's `is_agent()` as far as roles tell (HD Agent records join with the agents work). */
export function isAgent(context: RequestContext): boolean {
  return (
    context.user === 'Administrator' || context.roles.some((role) => AGENT_ROLES.includes(role))
  );
}

export function isManager(context: RequestContext): boolean {
  return (
    context.user === 'Administrator' || context.roles.some((role) => MANAGER_ROLES.includes(role))
  );
}
