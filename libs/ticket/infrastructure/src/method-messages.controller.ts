import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FrappeError, objectArgument } from '@helpdesk/shared-frappe-api';
import {
  methodSubject,
  RpcErrorFilter,
  type MethodCallBody,
  type MethodReply,
} from '@helpdesk/shared-messaging';
import { runWithCorrelationId } from '@helpdesk/shared-observability';
import type { MethodHandler } from '@helpdesk/ticket-application';
import { TICKET_SERVICE } from '@helpdesk/ticket-contracts';
import { serviceRequest } from './rpc-request-context.js';

export const TICKET_METHODS = Symbol('TICKET_METHODS');
export type MethodRegistry = ReadonlyMap<string, MethodHandler>;

/** Frappe's whitelisted methods that ticket-service answers, dispatched by name. */
@Controller()
@UseFilters(RpcErrorFilter)
export class MethodMessagesController {
  constructor(@Inject(TICKET_METHODS) private readonly methods: MethodRegistry) {}

  @MessagePattern(methodSubject(TICKET_SERVICE))
  call(@Payload() message: unknown): Promise<MethodReply> {
    const { context, body } = serviceRequest<Partial<MethodCallBody>>(message);
    return runWithCorrelationId(context.correlationId, () => {
      const handler = typeof body.method === 'string' ? this.methods.get(body.method) : undefined;
      if (!handler) {
        throw new FrappeError('DoesNotExistError', `Method ${String(body.method)} not found`);
      }
      return handler(objectArgument(body.params ?? {}, 'params'), context);
    });
  }
}
