import { resourceMessagesController } from '@helpdesk/shared-messaging';
import { TICKET_SERVICE } from '@helpdesk/ticket-contracts';

export type { DoctypeRegistry } from '@helpdesk/shared-messaging';

export const TICKET_DOCTYPES = Symbol('TICKET_DOCTYPES');

/** Frappe document CRUD for every DocType ticket-service owns, dispatched by DocType. */
export const ResourceMessagesController = resourceMessagesController(
  TICKET_SERVICE,
  TICKET_DOCTYPES,
);
