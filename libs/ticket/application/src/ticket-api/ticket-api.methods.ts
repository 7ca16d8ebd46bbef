import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import { GetOneTicketArgs } from '@helpdesk/ticket-contracts';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { PeopleDirectory } from '../people/people-directory.port.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { readableTicket } from './readable-ticket.js';
import { ticketActivities } from './ticket-activities.js';
import type { TicketActivityReader } from './ticket-activity.port.js';
import { ticketContactCard } from './ticket-contact.js';
import { DEFAULT_TICKET_TEMPLATE, TICKET_FORM_FIELDS, ticketTemplate } from './ticket-form.js';

export interface TicketApiDependencies {
  tickets: GetTicketHandler;
  activity: TicketActivityReader;
  people: PeopleDirectory;
}

/** The reads of `helpdesk.helpdesk.doctype.hd_ticket.api` (frappe-api §2.1). */
export class TicketApiMethods {
  constructor(private readonly deps: TicketApiDependencies) {}

  /**
   * `get_one`: every column of the ticket with its conversation, logs, contact card and form
   * metadata. No tagging, form scripts or telephony exist, so `tags` and `calls` are empty and
   * `_form_script` is null (`is_customer_portal` only chooses among form scripts).
   */
  async getOne(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const args = await parseBody(GetOneTicketArgs, params, 'HD Ticket');
    const { tickets, activity, people } = this.deps;
    const ticket = await readableTicket(tickets, args.name, context);
    const { doctype: _doctype, ...columns } = ticket;
    const { comments, communications, history, views, calls } = await ticketActivities(
      activity,
      people,
      ticket.name,
      isAgent(context),
    );
    const template = typeof ticket.template === 'string' && ticket.template !== '';
    return {
      message: {
        ...columns,
        comments,
        communications,
        contact: await ticketContactCard(people, ticket, [
          'company_name',
          'email_id',
          'image',
          'mobile_no',
          'name',
          'phone',
        ]),
        history,
        tags: [],
        template: ticketTemplate(template ? String(ticket.template) : DEFAULT_TICKET_TEMPLATE),
        views,
        _form_script: null,
        fields: TICKET_FORM_FIELDS,
        calls,
      },
    };
  }
}
