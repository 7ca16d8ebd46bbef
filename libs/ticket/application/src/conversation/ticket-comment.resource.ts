import { FrappeError, withoutStandardFields } from '@helpdesk/shared-frappe-api';
import { parseBody } from '@helpdesk/shared-messaging';
import { NewTicketCommentDto, UpdateTicketCommentDto } from '@helpdesk/ticket-contracts';
import type { DoctypeResource, FrappeDocument } from '../doctype-resource.js';
import type { GetTicketHandler } from '../get-ticket.handler.js';
import { isAgent, type RequestContext } from '../request-context.js';
import type { TicketCommands } from '../ticket-commands.handler.js';
import { sameValue } from '../saved-document.js';
import { ticketName } from '../ticket.resource.js';
import type { ConversationDocuments, ConversationIds } from './conversation-documents.port.js';

const DOCTYPE = 'HD Ticket Comment';

/**
 * Internal notes through the resource API. Only agents reach them at all (customers must never see
 * a note); each write is a command on the ticket's stream, so the ticket's rules decide it.
 */
export class TicketCommentResource implements DoctypeResource {
  constructor(
    private readonly documents: ConversationDocuments,
    private readonly tickets: GetTicketHandler,
    private readonly commands: TicketCommands,
    private readonly newId: ConversationIds,
  ) {}

  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    assertAgent(context);
    return this.documents.listComments(params, context);
  }

  count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    assertAgent(context);
    return this.documents.countComments(params, context);
  }

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    assertAgent(context);
    const visible = await this.documents.comment(name, context);
    if (visible) return visible;
    if (await this.documents.comment(name)) {
      throw FrappeError.permission(`No permission for ${DOCTYPE}`);
    }
    throw FrappeError.doesNotExist(DOCTYPE, name);
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    assertAgent(context);
    const body = await parseBody(NewTicketCommentDto, doc, DOCTYPE);
    const ticket = ticketName(body.reference_ticket);
    await this.tickets.execute(ticket, context);
    const commentId = this.newId();
    await this.commands.addComment(ticket, commentId, body.content, context);
    return this.get(commentId, context);
  }

  /** A whole saved document may come back: unchanged values are not changes. */
  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const current = await this.get(name, context);
    const changed = withoutStandardFields(
      Object.fromEntries(
        Object.entries(changes).filter(([field, value]) => !sameValue(current[field], value)),
      ),
    );
    const body = await parseBody(UpdateTicketCommentDto, changed, DOCTYPE);
    const ticket = ticketName(String(current.reference_ticket));
    if (body.content !== undefined) {
      await this.commands.editComment(ticket, name, body.content, context);
    }
    if (body.is_pinned !== undefined) {
      await this.commands.pinComment(
        ticket,
        name,
        body.is_pinned === 1 || body.is_pinned === true,
        context,
      );
    }
    return this.get(name, context);
  }

  async delete(name: string, context: RequestContext): Promise<void> {
    const current = await this.get(name, context);
    await this.commands.deleteComment(ticketName(String(current.reference_ticket)), name, context);
  }
}

function assertAgent(context: RequestContext): void {
  if (!isAgent(context)) throw FrappeError.permission(`No permission for ${DOCTYPE}`);
}
