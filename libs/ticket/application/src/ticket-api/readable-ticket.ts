import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { RequestContext } from '../request-context.js';
import { ticketName } from '../ticket.resource.js';

/** The ticket if the caller may read it; 404 "Ticket not found" or 403, as `get_one` answers. */
export async function readableTicket(
  tickets: GetTicketHandler,
  name: string | number,
  context: RequestContext,
): Promise<HdTicketDocument> {
  try {
    return await tickets.execute(ticketName(name), context);
  } catch (error) {
    if (error instanceof FrappeError && error.excType === 'DoesNotExistError') {
      throw new FrappeError('DoesNotExistError', 'Ticket not found');
    }
    throw error;
  }
}
