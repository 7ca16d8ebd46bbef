import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import {
  isRpcRequest,
  parseBody,
  RpcErrorFilter,
  type RequestMeta,
} from '@helpdesk/shared-messaging';
import { runWithCorrelationId } from '@helpdesk/shared-observability';
import {
  GetTicketHandler,
  OpenTicketHandler,
  type RequestContext,
} from '@helpdesk/ticket-application';
import {
  CreateTicketDto,
  GetTicketDto,
  TicketSubjects,
  type HdTicketDocument,
} from '@helpdesk/ticket-contracts';

function contextOf(meta: RequestMeta): RequestContext {
  return { user: meta.actor.user, roles: meta.actor.roles, correlationId: meta.correlationId };
}

function requireRequest(message: unknown): RequestMeta & { body: unknown } {
  if (!isRpcRequest(message))
    throw FrappeError.validation('Malformed request: meta.actor is required');
  return { ...message.meta, body: message.body };
}

/** ticket-service's NATS request/reply surface. Bodies are validated here, not only upstream. */
@Controller()
@UseFilters(RpcErrorFilter)
export class TicketMessagesController {
  constructor(
    @Inject(OpenTicketHandler) private readonly openTicket: OpenTicketHandler,
    @Inject(GetTicketHandler) private readonly getTicket: GetTicketHandler,
  ) {}

  @MessagePattern(TicketSubjects.openTicket)
  async open(@Payload() message: unknown): Promise<HdTicketDocument> {
    const request = requireRequest(message);
    return runWithCorrelationId(request.correlationId, async () => {
      const body = await parseBody(CreateTicketDto, request.body, 'HD Ticket');
      return this.openTicket.execute(body, contextOf(request));
    });
  }

  @MessagePattern(TicketSubjects.getTicket)
  async get(@Payload() message: unknown): Promise<HdTicketDocument> {
    const request = requireRequest(message);
    return runWithCorrelationId(request.correlationId, async () => {
      const { name } = await parseBody(GetTicketDto, request.body, 'HD Ticket');
      return this.getTicket.execute(name, contextOf(request));
    });
  }
}
