import { methodMessagesController } from '@helpdesk/shared-messaging';
import { TICKET_SERVICE } from '@helpdesk/ticket-contracts';

export type { MethodRegistry } from '@helpdesk/shared-messaging';

export const TICKET_METHODS = Symbol('TICKET_METHODS');

/** Frappe's whitelisted methods that ticket-service answers, dispatched by name. */
export const MethodMessagesController = methodMessagesController(TICKET_SERVICE, TICKET_METHODS);
