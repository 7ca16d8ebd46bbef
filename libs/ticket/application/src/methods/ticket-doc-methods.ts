import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody, type MethodReply } from '@helpdesk/shared-messaging';
import {
  AssignAgentArgs,
  CreateCommunicationViaContactArgs,
  NewCommentArgs,
  ReplyViaAgentArgs,
} from '@helpdesk/ticket-contracts';
import type {
  ConversationDocuments,
  ConversationIds,
} from '../conversation/conversation-documents.port.js';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import type { RequestContext } from '../request-context.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { ticketName } from '../ticket.resource.js';
import { fileNames } from './file-names.js';
import type { DocMethods } from './method-handler.js';

type TicketDocMethod = (ticket: number, args: unknown, context: RequestContext) => Promise<unknown>;

/**
 * HD Ticket's whitelisted document methods (frappe-api §1.1.4). Frappe checks only that the caller
 * may read the ticket; each method's own rules are the ticket aggregate's.
 */
export class TicketDocMethods implements DocMethods {
  private readonly methods: ReadonlyMap<string, TicketDocMethod>;

  constructor(
    private readonly tickets: GetTicketHandler,
    private readonly commands: TicketCommands,
    private readonly conversations: ConversationDocuments,
    private readonly newId: ConversationIds,
  ) {
    this.methods = new Map<string, TicketDocMethod>([
      ['reply_via_agent', (ticket, args, context) => this.replyViaAgent(ticket, args, context)],
      [
        'create_communication_via_contact',
        (ticket, args, context) => this.replyViaContact(ticket, args, context),
      ],
      ['new_comment', (ticket, args, context) => this.newComment(ticket, args, context)],
      ['get_last_communication', (ticket) => this.conversations.lastCommunication(ticket)],
      ['assign_agent', (ticket, args, context) => this.assignAgent(ticket, args, context)],
      ['mark_seen', (ticket, _args, context) => this.commands.markSeen(ticket, context)],
    ]);
  }

  async run(
    name: string,
    method: string,
    args: unknown,
    context: RequestContext,
  ): Promise<MethodReply> {
    const ticket = ticketName(name);
    await this.tickets.execute(ticket, context);
    const run = this.methods.get(method);
    if (!run) throw FrappeError.permission(`Method ${method} is not whitelisted for HD Ticket`);
    const result = await run(ticket, args, context);
    const doc = await this.tickets.execute(ticket, context);
    return result === undefined || result === null
      ? { docs: [doc] }
      : { docs: [doc], message: result };
  }

  private async replyViaAgent(ticket: number, args: unknown, context: RequestContext) {
    const body = await parseBody(ReplyViaAgentArgs, args, 'HD Ticket');
    await this.commands.replyAsAgent(
      ticket,
      {
        communicationId: this.newId(),
        message: body.message,
        sender: body.from_email?.email_id ?? null,
        emailAccount: body.from_email?.email_account ?? null,
        to: body.to ?? null,
        cc: body.cc ?? null,
        bcc: body.bcc ?? null,
        attachments: body.attachments ?? [],
      },
      context,
    );
  }

  private async replyViaContact(ticket: number, args: unknown, context: RequestContext) {
    const body = await parseBody(CreateCommunicationViaContactArgs, args, 'HD Ticket');
    await this.commands.replyAsCustomer(
      ticket,
      {
        communicationId: this.newId(),
        message: body.message,
        attachments: fileNames(body.attachments),
        // `new_ticket` marks the description recorded at creation; a client's reply is never
        // that, so the flag cannot be used to skip the reopen rule.
        newTicket: false,
      },
      context,
    );
  }

  private async assignAgent(ticket: number, args: unknown, context: RequestContext) {
    const { agent } = await parseBody(AssignAgentArgs, args, 'HD Ticket');
    await this.commands.assign(ticket, agent, context);
  }

  private async newComment(ticket: number, args: unknown, context: RequestContext) {
    const body = await parseBody(NewCommentArgs, args, 'HD Ticket');
    await this.commands.addComment(
      ticket,
      this.newId(),
      body.content,
      context,
      fileNames(body.attachments),
    );
  }
}
