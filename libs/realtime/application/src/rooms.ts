/**
 * Socket.IO room names. Frappe's own names where Frappe has one (`user:`, `doc:`, `open_doc:`);
 * `agents` and `portal` split every connection by whether its user is an agent, so an event for
 * agents only can be sent to a ticket's room `except` the portal users in it.
 */
export const TICKET_DOCTYPE = 'HD Ticket';

/** Every connection of an agent (Frappe's `all` room of desk users). */
export const AGENTS_ROOM = 'agents';

/** Every connection of a user who is not an agent (customers on the portal). */
export const PORTAL_ROOM = 'portal';

export function userRoom(user: string): string {
  return `user:${user}`;
}

/** Helpdesk's ticket room (`get_doc_room`): joined by `view_ticket`, presence and live edits. */
export function ticketRoom(ticket: number | string): string {
  return `open_doc:${TICKET_DOCTYPE}/${ticket}`;
}

/** Frappe's document room, joined by `doc_subscribe`: `doc_update` goes there. */
export function docRoom(doctype: string, name: number | string): string {
  return `doc:${doctype}/${name}`;
}

/** The ticket a ticket room is for, or undefined for any other room. */
export function ticketOfRoom(room: string): number | undefined {
  const prefix = ticketRoom('');
  if (!room.startsWith(prefix)) return undefined;
  const ticket = Number(room.slice(prefix.length));
  return Number.isSafeInteger(ticket) && ticket > 0 ? ticket : undefined;
}

/**
 * Frappe's list room (`doctype_subscribe`), kept per user so a list update can be addressed to a
 * document's readers among the subscribers: each subscriber joins its user's list room and, if an
 * agent, the agents' list room.
 */
export function userListRoom(doctype: string, user: string): string {
  return `doctype:${doctype}:user:${user}`;
}

export function agentsListRoom(doctype: string): string {
  return `doctype:${doctype}`;
}

/** The ticket a ticket room or a ticket's document room is for, or undefined for any other room. */
export function watchedTicket(room: string): number | undefined {
  const doc = docRoom(TICKET_DOCTYPE, '');
  if (room.startsWith(doc)) return ticketOfRoom(ticketRoom(room.slice(doc.length)));
  return ticketOfRoom(room);
}
