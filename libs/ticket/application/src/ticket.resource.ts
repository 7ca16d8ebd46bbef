import { FrappeError } from '@helpdesk/shared-frappe-api';
import { parseBody } from '@helpdesk/shared-messaging';
import { CreateTicketDto } from '@helpdesk/ticket-contracts';
import { notSupported, type DoctypeResource, type FrappeDocument } from './doctype-resource.js';
import type { GetTicketHandler } from './get-ticket.handler.js';
import type { OpenTicketHandler } from './open-ticket.handler.js';
import type { RequestContext } from './request-context.js';

/** HD Ticket documents: names are integers (numeric strings accepted). */
export class TicketResource implements DoctypeResource {
  constructor(
    private readonly open: OpenTicketHandler,
    private readonly read: GetTicketHandler,
  ) {}

  async get(name: string, context: RequestContext): Promise<FrappeDocument> {
    return { ...(await this.read.execute(ticketName(name), context)) };
  }

  async insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument> {
    const body = await parseBody(CreateTicketDto, doc, 'HD Ticket');
    return { ...(await this.open.execute(body, context)) };
  }

  async update(): Promise<FrappeDocument> {
    throw notSupported('HD Ticket', 'Updating');
  }

  async delete(): Promise<void> {
    throw notSupported('HD Ticket', 'Deleting');
  }
}

export function ticketName(name: string | number): number {
  const text = String(name).trim();
  if (!/^\d{1,15}$/.test(text)) throw FrappeError.doesNotExist('HD Ticket', text);
  return Number(text);
}
