/**
 * What a change to people or settings means for connections already open. A user whose roles,
 * enabled state, agent record or keys changed is disconnected: they come back through the
 * handshake with what is true now (their agents/portal room included). A change to teams or to
 * HD Settings' restrictions re-checks who may stay in ticket rooms.
 */
export type AccessChange =
  { kind: 'reconnect'; users: string[] } | { kind: 'recheck'; users: string[] | 'everyone' };

const RECONNECT_USER = new Set([
  'helpdesk.people.v1.user-roles-changed',
  'helpdesk.people.v1.user-enabled',
  'helpdesk.people.v1.user-disabled',
  'helpdesk.people.v1.user-api-keys-issued',
  'helpdesk.people.v1.user-password-changed',
  'helpdesk.people.v1.agent-activated',
  'helpdesk.people.v1.agent-deactivated',
  'helpdesk.people.v1.agent-removed',
]);

const RECHECK_EVERYONE = new Set([
  'helpdesk.people.v1.team-restrictions-changed',
  'helpdesk.people.v1.team-disabled',
  'helpdesk.people.v1.team-enabled',
  'helpdesk.people.v1.team-removed',
]);

const RESTRICTION_SETTINGS = [
  'restrict_tickets_by_agent_group',
  'do_not_restrict_tickets_without_an_agent_group',
];

export interface AccessEvent {
  type: string;
  name: string;
  doctype?: string;
  data: Record<string, unknown>;
}

export function accessChangeOf(event: AccessEvent): AccessChange | undefined {
  if (RECONNECT_USER.has(event.type)) return { kind: 'reconnect', users: [event.name] };
  if (RECHECK_EVERYONE.has(event.type)) return { kind: 'recheck', users: 'everyone' };
  if (event.type === 'helpdesk.people.v1.team-members-changed') {
    const removed = Array.isArray(event.data['removed']) ? event.data['removed'] : [];
    const users = removed.filter((u): u is string => typeof u === 'string');
    return users.length > 0 ? { kind: 'recheck', users } : undefined;
  }
  if (
    event.type === 'helpdesk.catalogue.v1.settings-changed' &&
    RESTRICTION_SETTINGS.some((field) => field in event.data)
  ) {
    return { kind: 'recheck', users: 'everyone' };
  }
  return undefined;
}

/** Frappe's `helpdesk:settings-updated`, sent to everyone connected when HD Settings change. */
export function isSettingsChange(event: AccessEvent): boolean {
  return event.type === 'helpdesk.catalogue.v1.settings-changed';
}
