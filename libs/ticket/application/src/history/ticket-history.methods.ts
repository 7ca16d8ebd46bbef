import { FrappeError, textArgument } from '@helpdesk/shared-frappe-api';
import { parseSiteDatetime } from '@helpdesk/shared-frappe-query';
import type { MethodReply } from '@helpdesk/shared-messaging';
import type { FrappeDocument } from '../doctype-resource.js';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import { isAgent, type RequestContext } from '../request-context.js';
import { ticketName } from '../ticket.resource.js';

/** One fact of a ticket's life, in the public v1 vocabulary. */
export interface TimelineEntry {
  /** Position in the ticket's stream: 1 is the opening. */
  version: number;
  /** `opened`, `status-changed`, `agent-replied`, … as in docs/events.md. */
  event: string;
  /** When it happened, in Frappe's datetime format and the site's zone. */
  at: string;
  by: string | null;
  /** The values after the change, by Frappe field name. */
  data: Record<string, unknown>;
}

/** The ticket's stream, read for its history. */
export interface TicketHistoryReader {
  /** Internal notes are left out unless asked for: customers never see them. */
  timeline(name: number, options: { includeComments: boolean }): Promise<TimelineEntry[]>;
  /** The document folded from the events up to `instant`; undefined if it did not exist then. */
  documentAsOf(name: number, instant: Date): Promise<FrappeDocument | undefined>;
}

/**
 * `helpdesk.api.ticket.get_history`: the log as a timeline, or with `as_of` the ticket as it was
 * at that instant. Whoever may read the ticket may read its history.
 */
export class TicketHistoryMethods {
  constructor(
    private readonly tickets: GetTicketHandler,
    private readonly history: TicketHistoryReader,
    private readonly timeZone: string,
  ) {}

  async getHistory(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const ticket = ticketName(
      textArgument(params.ticket === undefined ? { ticket: params.name } : params, 'ticket'),
    );
    await this.tickets.execute(ticket, context);
    const asOf = params.as_of;
    if (asOf === undefined || asOf === null || asOf === '') {
      return {
        message: await this.history.timeline(ticket, { includeComments: isAgent(context) }),
      };
    }
    const instant = typeof asOf === 'string' ? parseSiteDatetime(asOf, this.timeZone) : undefined;
    if (!instant) throw FrappeError.validation(`as_of is not a datetime: ${String(asOf)}`);
    const document = await this.history.documentAsOf(ticket, instant);
    if (!document) {
      throw new FrappeError('DoesNotExistError', `HD Ticket ${ticket} did not exist at ${asOf}`);
    }
    return { message: document };
  }
}
