import { Controller, Inject, UseFilters } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import {
  resourceSubject,
  RpcErrorFilter,
  type ResourceCountBody,
  type ResourceDeleteBody,
  type ResourceListBody,
  type ResourceGetBody,
  type ResourceInsertBody,
  type ResourceUpdateBody,
} from '@helpdesk/shared-messaging';
import { runWithCorrelationId } from '@helpdesk/shared-observability';
import type { DoctypeResource, FrappeDocument } from '@helpdesk/ticket-application';
import { serviceRequest, type ServiceRequest } from './rpc-request-context.js';

export const TICKET_DOCTYPES = Symbol('TICKET_DOCTYPES');
export type DoctypeRegistry = ReadonlyMap<string, DoctypeResource>;

function unwrap<B extends { doctype?: unknown }>(message: unknown): ServiceRequest<B> {
  const request = serviceRequest<B>(message);
  if (typeof request.body.doctype !== 'string') throw FrappeError.validation('doctype is required');
  return request;
}

function nameOf(body: { name?: unknown }): string {
  if (typeof body.name !== 'string' && typeof body.name !== 'number')
    throw FrappeError.validation('name is required');
  return String(body.name);
}

function objectOf(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw FrappeError.validation(`${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Frappe document CRUD for every DocType ticket-service owns, dispatched by DocType. */
@Controller()
@UseFilters(RpcErrorFilter)
export class ResourceMessagesController {
  constructor(@Inject(TICKET_DOCTYPES) private readonly doctypes: DoctypeRegistry) {}

  @MessagePattern(resourceSubject('ticket', 'list'))
  list(@Payload() message: unknown): Promise<unknown[]> {
    return this.run<ResourceListBody, unknown[]>(message, (resource, { body, context }) =>
      resource.list(objectOf(body.params ?? {}, 'params'), context),
    );
  }

  @MessagePattern(resourceSubject('ticket', 'count'))
  count(@Payload() message: unknown): Promise<number> {
    return this.run<ResourceCountBody, number>(message, (resource, { body, context }) =>
      resource.count({ filters: body.filters, or_filters: body.or_filters }, context),
    );
  }

  @MessagePattern(resourceSubject('ticket', 'get'))
  get(@Payload() message: unknown): Promise<FrappeDocument> {
    return this.run<ResourceGetBody, FrappeDocument>(message, (resource, { body, context }) =>
      resource.get(nameOf(body), context),
    );
  }

  @MessagePattern(resourceSubject('ticket', 'insert'))
  insert(@Payload() message: unknown): Promise<FrappeDocument> {
    return this.run<ResourceInsertBody, FrappeDocument>(message, (resource, { body, context }) =>
      resource.insert(objectOf(body.doc, 'doc'), context),
    );
  }

  @MessagePattern(resourceSubject('ticket', 'update'))
  update(@Payload() message: unknown): Promise<FrappeDocument> {
    return this.run<ResourceUpdateBody, FrappeDocument>(message, (resource, { body, context }) =>
      resource.update(nameOf(body), objectOf(body.changes, 'changes'), context),
    );
  }

  @MessagePattern(resourceSubject('ticket', 'delete'))
  delete(@Payload() message: unknown): Promise<string> {
    return this.run<ResourceDeleteBody, string>(message, async (resource, { body, context }) => {
      await resource.delete(nameOf(body), context);
      return 'ok';
    });
  }

  private run<B extends { doctype: string }, R>(
    message: unknown,
    work: (resource: DoctypeResource, request: ServiceRequest<B>) => Promise<R>,
  ): Promise<R> {
    const request = unwrap<B>(message);
    return runWithCorrelationId(request.context.correlationId, () => {
      const resource = this.doctypes.get(request.body.doctype);
      if (!resource)
        throw new FrappeError('DoesNotExistError', `DocType ${request.body.doctype} not found`);
      if (request.context.user === 'Guest') throw FrappeError.permission('Not permitted');
      return work(resource, request);
    });
  }
}
