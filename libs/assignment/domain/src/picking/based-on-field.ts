import { ownField, type TicketFields } from '@helpdesk/shared-conditions';

/**
 * The user a ticket field names (e.g. `raised_by`), when it names an existing user. Only the
 * record's own fields are read. Availability plays no part.
 */
export function userFromField(
  ticket: TicketFields,
  field: string | null,
  knownUsers: ReadonlySet<string>,
): string | null {
  if (!field) return null;
  const { value } = ownField(ticket, field);
  return typeof value === 'string' && knownUsers.has(value) ? value : null;
}
