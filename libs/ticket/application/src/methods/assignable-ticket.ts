import { FrappeError, textArgument } from '@helpdesk/shared-frappe-api';
import { ticketName } from '../ticket.resource.js';

/**
 * The ticket a generic assignment method (`doctype`, `name`) names. Frappe assigns any DocType;
 * here only HD Ticket keeps assignments, so any other is refused.
 */
export function assignableTicket(params: Record<string, unknown>): number {
  const doctype = textArgument(params, 'doctype');
  if (doctype !== 'HD Ticket') {
    throw FrappeError.validation(`Assignments are kept on HD Ticket only, not ${doctype}`);
  }
  return ticketName(textArgument(params, 'name'));
}
