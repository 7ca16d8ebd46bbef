import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody } from '@helpdesk/shared-messaging';
import { CreateTicketDto } from '@helpdesk/ticket-contracts';
import type { DoctypeResource, FrappeDocument } from './doctype-resource.js';
import type { GetTicketHandler } from './get-ticket.handler.js';
import type { OpenTicketHandler } from './open-ticket.handler.js';
import type { RequestContext } from './request-context.js';
import { withoutRepeatedSystemFields } from './saved-document.js';
import type { TicketCommands } from './ticket-commands.handler.js';

/** HD Ticket documents: names are integers (numeric strings accepted). */
export class TicketResource implements DoctypeResource {
  constructor(
    private readonly open: OpenTicketHandler,
    private readonly read: GetTicketHandler,
    private readonly commands: TicketCommands,
  ) {}

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    return { ...(await this.read.execute(ticketName(name), context)) };
  }

  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    return this.read.list(params, context);
  }

  count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    return this.read.count(params, context);
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    const body = await parseBody(CreateTicketDto, doc, 'HD Ticket');
    return { ...(await this.open.execute(body, context)) };
  }

  /** Checks the viewer may see the ticket first: a customer cannot touch someone else's. */
  async update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument> {
    const ticket = ticketName(name);
    const current = await this.read.execute(ticket, context);
    await this.commands.update(ticket, withoutRepeatedSystemFields(changes, current), context);
    return this.get(name, context);
  }

  async delete(name: string, context: RequestContext): Promise<void> {
    const ticket = ticketName(name);
    await this.read.execute(ticket, context);
    await this.commands.delete(ticket, context);
  }
}

export function ticketName(name: string | number): number {
  const text = String(name).trim();
  if (!/^\d{1,15}$/.test(text)) throw FrappeError.doesNotExist('HD Ticket', text);
  return Number(text);
}
