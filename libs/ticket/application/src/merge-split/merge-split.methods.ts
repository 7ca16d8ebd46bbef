import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import { MergeTicketArgs, SplitTicketArgs } from '@helpdesk/ticket-contracts';
import type { ConversationDocuments } from '../conversation/conversation-documents.port.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { ticketName } from '../ticket.resource.js';
import type { TicketMergeSplit } from './ticket-merge-split.handler.js';

/** Ticket names are integers; anything else names a ticket that does not exist (-1 here). */
function ticketNumberOrNone(name: string | number): number {
  const text = String(name).trim();
  return /^\d{1,15}$/.test(text) ? Number(text) : -1;
}

/** `helpdesk.helpdesk.doctype.hd_ticket.api.merge_ticket` and `split_ticket` (frappe-api §2.1). */
export class MergeSplitMethods {
  constructor(
    private readonly tickets: TicketMergeSplit,
    private readonly conversations: ConversationDocuments,
  ) {}

  /** `merge_ticket(source, target)`: answers nothing. */
  async mergeTicket(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    const { source, target } = await parseBody(MergeTicketArgs, params, 'HD Ticket');
    await this.tickets.merge(ticketNumberOrNone(source), ticketNumberOrNone(target), context);
    return {};
  }

  /** `split_ticket(subject, communication_id)`: answers the new ticket's name. */
  async splitTicket(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    if (!isAgent(context)) {
      throw FrappeError.permission('You are not permitted to access this resource.');
    }
    const args = await parseBody(SplitTicketArgs, params, 'HD Ticket');
    const communication = await this.conversations.communication(args.communication_id);
    if (!communication || communication.reference_doctype !== 'HD Ticket') {
      throw FrappeError.doesNotExist('Communication', args.communication_id);
    }
    const ticket = ticketName(String(communication.reference_name));
    return {
      message: await this.tickets.split(ticket, args.subject, args.communication_id, context),
    };
  }
}
