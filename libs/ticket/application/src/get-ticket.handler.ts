import { withConnection } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';
import { isGuest, type RequestContext } from './request-context.js';
import type { TicketReadModel } from './ticket-read-model.port.js';

/** Reads for HD Ticket, each limited to what the viewer may see. */
export class GetTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: TicketReadModel,
  ) {}

  /** 404 when the ticket does not exist, 403 when it exists but is not the viewer's (as Frappe). */
  async execute(name: number, context: RequestContext): Promise<HdTicketDocument> {
    if (isGuest(context)) throw FrappeError.permission('Not permitted to read HD Ticket');
    return withConnection(this.dataSource, async (sql) => {
      const visible = await this.readModel.findDocument(sql, name, context);
      if (visible) return visible;
      if (await this.readModel.findDocument(sql, name))
        throw FrappeError.permission('No permission for HD Ticket');
      throw FrappeError.doesNotExist('HD Ticket', name);
    });
  }

  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]> {
    if (isGuest(context)) throw FrappeError.permission('Not permitted to read HD Ticket');
    return withConnection(this.dataSource, (sql) => this.readModel.list(sql, params, context));
  }

  count(params: Record<string, unknown>, context: RequestContext): Promise<number> {
    if (isGuest(context)) throw FrappeError.permission('Not permitted to read HD Ticket');
    return withConnection(this.dataSource, (sql) => this.readModel.count(sql, params, context));
  }
}
