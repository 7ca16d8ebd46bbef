import { FrappeError, jsonArgument } from '@helpdesk/shared-frappe-api';
import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import {
  BulkReplyArgs,
  CreateTicketDto,
  DeleteTicketArgs,
  NewTicketArgs,
} from '@helpdesk/ticket-contracts';
import type { ConversationIds } from '../conversation/conversation-documents.port.js';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import { fileNames } from '../methods/file-names.js';
import type { OpenTicketHandler } from '../open-ticket.handler.js';
import { isAgent, type RequestContext } from '../request-context.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { ticketName } from '../ticket.resource.js';

export interface TicketWriteDependencies {
  open: OpenTicketHandler;
  tickets: GetTicketHandler;
  commands: TicketCommands;
  newId: ConversationIds;
  /** Where a bulk reply reports the tickets it could not reply to (Frappe's Error Log). */
  onBulkReplyFailure: (ticket: string, error: unknown) => void;
}

/** `hd_ticket.api.new` and `helpdesk.api.ticket.delete_ticket` / `bulk_reply` (frappe-api §2.1, §2.4). */
export class TicketWriteMethods {
  constructor(private readonly deps: TicketWriteDependencies) {}

  /**
   * `new`: a ticket raised through the customer portal, whoever calls it: `via_customer_portal`
   * is set and `raised_by` is the caller, whatever the document says. The usual creation rules
   * apply; the attachments go with the description. Answers the new document.
   */
  async newTicket(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    const args = await parseBody(
      NewTicketArgs,
      withJson(params, 'doc', 'attachments'),
      'HD Ticket',
    );
    const body = await parseBody(CreateTicketDto, args.doc, 'HD Ticket');
    body.via_customer_portal = true;
    body.raised_by = context.user;
    const attachments = fileNames(args.attachments);
    return { message: await this.deps.open.execute(body, context, attachments) };
  }

  /** `delete_ticket`: Administrator only, whatever other roles allow. Answers nothing. */
  async deleteTicket(
    params: Record<string, unknown>,
    context: RequestContext,
  ): Promise<MethodReply> {
    if (context.user !== 'Administrator') {
      throw FrappeError.permission('Only administrators can delete tickets.');
    }
    const { name } = await parseBody(DeleteTicketArgs, params, 'HD Ticket');
    await this.deps.commands.delete(ticketName(name), context);
    return {};
  }

  /**
   * `bulk_reply`: the same agent reply to each distinct ticket's raiser, each in its own
   * transaction. A ticket the caller may not see, or whose reply fails, is reported and skipped;
   * the others still get theirs. Answers nothing.
   */
  async bulkReply(params: Record<string, unknown>, context: RequestContext): Promise<MethodReply> {
    if (!isAgent(context)) {
      throw FrappeError.permission('You are not permitted to access this resource.');
    }
    const args = await parseBody(
      BulkReplyArgs,
      withJson(params, 'ticket_ids', 'attachments'),
      'HD Ticket',
    );
    const attachments = fileNames(args.attachments ?? []);
    for (const id of new Set(args.ticket_ids.map(String))) {
      try {
        await this.replyTo(id, args.message, attachments, context);
      } catch (error) {
        this.deps.onBulkReplyFailure(id, error);
      }
    }
    return {};
  }

  private async replyTo(
    id: string,
    message: string,
    attachments: string[],
    context: RequestContext,
  ): Promise<void> {
    const ticket = ticketName(id);
    const document = await this.deps.tickets.execute(ticket, context);
    await this.deps.commands.replyAsAgent(
      ticket,
      {
        communicationId: this.deps.newId(),
        message,
        to: String(document.raised_by),
        attachments,
      },
      context,
    );
  }
}

/** The arguments with these ones parsed from JSON text, as query strings and forms send lists. */
function withJson(params: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  const parsed = { ...params };
  for (const key of keys) {
    if (params[key] !== undefined) parsed[key] = jsonArgument(params[key], key);
  }
  return parsed;
}
