import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import type { PeopleDirectory } from '../people/people-directory.port.js';

/**
 * The ticket's Contact with the fields asked for, or, when the ticket has none (or the contact is
 * not known here yet), Frappe's stand-in made from `raised_by`: its address, and its local part
 * as the name.
 */
export async function ticketContactCard(
  people: PeopleDirectory,
  ticket: HdTicketDocument,
  fields: readonly ContactField[],
  standIn: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const name = typeof ticket.contact === 'string' ? ticket.contact : '';
  const contact = name === '' ? undefined : await people.contact(name);
  if (!contact) {
    const raisedBy = String(ticket.raised_by ?? '');
    return { email_id: raisedBy, name: raisedBy.split('@')[0], ...standIn };
  }
  return Object.fromEntries(fields.map((field) => [field, contact[field]]));
}

export type ContactField = 'company_name' | 'email_id' | 'image' | 'mobile_no' | 'name' | 'phone';
