import { Controller, Inject, UseFilters, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FrappeError, objectArgument } from '@helpdesk/shared-frappe-api';
import { runWithCorrelationId } from '@helpdesk/shared-observability';
import { methodSubject, type MethodCallBody, type MethodReply } from './method-contract.js';
import {
  resourceSubject,
  type ResourceCountBody,
  type ResourceDeleteBody,
  type ResourceGetBody,
  type ResourceInsertBody,
  type ResourceListBody,
  type ResourceUpdateBody,
} from './resource-contract.js';
import { RpcErrorFilter } from './rpc-error.filter.js';
import {
  serviceRequest,
  type DoctypeRegistry,
  type DoctypeResource,
  type FrappeDocument,
  type MethodRegistry,
  type ServiceRequest,
} from './service-request.js';

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

/**
 * Frappe document CRUD on `<service>.resource.<op>` for every DocType in the registry bound to
 * `registry`, dispatched by DocType. Guests never reach a resource.
 */
export function resourceMessagesController(service: string, registry: symbol): Type<unknown> {
  @Controller()
  @UseFilters(RpcErrorFilter)
  class ResourceMessagesController {
    constructor(@Inject(registry) private readonly doctypes: DoctypeRegistry) {}

    @MessagePattern(resourceSubject(service, 'list'))
    list(@Payload() message: unknown): Promise<unknown[]> {
      return this.run<ResourceListBody, unknown[]>(message, (resource, { body, context }) =>
        resource.list(objectOf(body.params ?? {}, 'params'), context),
      );
    }

    @MessagePattern(resourceSubject(service, 'count'))
    count(@Payload() message: unknown): Promise<number> {
      return this.run<ResourceCountBody, number>(message, (resource, { body, context }) =>
        resource.count({ filters: body.filters, or_filters: body.or_filters }, context),
      );
    }

    @MessagePattern(resourceSubject(service, 'get'))
    get(@Payload() message: unknown): Promise<FrappeDocument> {
      return this.run<ResourceGetBody, FrappeDocument>(message, (resource, { body, context }) =>
        resource.get(nameOf(body), context),
      );
    }

    @MessagePattern(resourceSubject(service, 'insert'))
    insert(@Payload() message: unknown): Promise<FrappeDocument> {
      return this.run<ResourceInsertBody, FrappeDocument>(message, (resource, { body, context }) =>
        resource.insert(objectOf(body.doc, 'doc'), context),
      );
    }

    @MessagePattern(resourceSubject(service, 'update'))
    update(@Payload() message: unknown): Promise<FrappeDocument> {
      return this.run<ResourceUpdateBody, FrappeDocument>(message, (resource, { body, context }) =>
        resource.update(nameOf(body), objectOf(body.changes, 'changes'), context),
      );
    }

    @MessagePattern(resourceSubject(service, 'delete'))
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
  return ResourceMessagesController;
}

/** Frappe's whitelisted methods a service answers on `<service>.method`, dispatched by name. */
export function methodMessagesController(service: string, registry: symbol): Type<unknown> {
  @Controller()
  @UseFilters(RpcErrorFilter)
  class MethodMessagesController {
    constructor(@Inject(registry) private readonly methods: MethodRegistry) {}

    @MessagePattern(methodSubject(service))
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
  return MethodMessagesController;
}
