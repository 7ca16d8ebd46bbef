/** The caller, resolved once by the gateway and carried in every request's metadata. */
export interface Actor {
  user: string;
  roles: string[];
}

export const GUEST: Actor = { user: 'Guest', roles: ['Guest'] };

export function isAdministrator(actor: Actor): boolean {
  return actor.user === 'Administrator' || actor.roles.includes('System Manager');
}
