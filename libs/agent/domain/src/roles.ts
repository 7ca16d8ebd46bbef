import type { CommandContext } from './command-context.js';

/** The roles Frappe Helpdesk knows (frappe-api §1.18), plus Frappe's own Administrator. */
export const ROLES = [
  'Administrator',
  'System Manager',
  'Agent Manager',
  'Agent',
  'HD Customer',
  'HD Customer Manager',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ADMINISTRATOR = 'Administrator';

/** The portal roles; a manager member of an HD Customer has both. */
export const CUSTOMER_ROLES: readonly Role[] = ['HD Customer', 'HD Customer Manager'];

const AGENT_ROLES: readonly string[] = [
  'Administrator',
  'System Manager',
  'Agent Manager',
  'Agent',
];

export function isAgentActor(context: Pick<CommandContext, 'actor' | 'roles'>): boolean {
  return context.actor === ADMINISTRATOR || context.roles.some((r) => AGENT_ROLES.includes(r));
}

export function isSystemManager(context: Pick<CommandContext, 'actor' | 'roles'>): boolean {
  return (
    context.actor === ADMINISTRATOR ||
    context.roles.includes('Administrator') ||
    context.roles.includes('System Manager')
  );
}

export function isAgentManager(context: Pick<CommandContext, 'actor' | 'roles'>): boolean {
  return isSystemManager(context) || context.roles.includes('Agent Manager');
}

/**
 * Who may hand out which role (the invitation hook's `allowed_roles`): an Agent Manager grants the
 * helpdesk roles, a System Manager also System Manager, any agent the Agent role; Administrator is
 * never granted.
 */
export function grantableRoles(context: Pick<CommandContext, 'actor' | 'roles'>): readonly Role[] {
  if (isSystemManager(context))
    return ['System Manager', 'Agent Manager', 'Agent', 'HD Customer', 'HD Customer Manager'];
  if (isAgentManager(context))
    return ['Agent Manager', 'Agent', 'HD Customer', 'HD Customer Manager'];
  // `helpdesk.api.agent.sent_invites` lets any agent bring in other agents.
  if (isAgentActor(context)) return ['Agent'];
  return [];
}
