import { withConnection } from '@helpdesk/shared-event-store';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { HdTicketDocument } from '@helpdesk/ticket-contracts';
import type { DataSource } from 'typeorm';
import { isGuest, type RequestContext } from './request-context.js';
import type { TicketReadModel } from './ticket-read-model.port.js';

/** `GET /api/resource/HD Ticket/<name>` from the read model. */
export class GetTicketHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readModel: TicketReadModel,
  ) {}

  async execute(name: number, context: RequestContext): Promise<HdTicketDocument> {
    if (isGuest(context)) throw FrappeError.permission('Not permitted to read HD Ticket');
    const document = await withConnection(this.dataSource, (sql) =>
      this.readModel.findDocument(sql, name),
    );
    if (!document) throw FrappeError.doesNotExist('HD Ticket', name);
    return document;
  }
}
