import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { MethodReply } from './method-contract.js';
import { isRpcRequest } from './rpc-request.js';

/** Who is asking, as the service was told by the gateway. */
export interface RequestContext {
  user: string;
  roles: string[];
  correlationId: string;
}

export interface ServiceRequest<B> {
  context: RequestContext;
  body: B;
}

/** The caller as the gateway resolved it, and the body; malformed messages are refused. */
export function serviceRequest<B extends object>(message: unknown): ServiceRequest<B> {
  if (!isRpcRequest(message)) {
    throw FrappeError.validation('Malformed request: meta.actor is required');
  }
  const { meta, body } = message;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw FrappeError.validation('Request body must be a JSON object');
  }
  return {
    context: { user: meta.actor.user, roles: meta.actor.roles, correlationId: meta.correlationId },
    body: body as B,
  };
}

export type FrappeDocument = Record<string, unknown>;

/** What a service does for one DocType on each Frappe resource operation. */
export interface DoctypeResource {
  list(params: Record<string, unknown>, context: RequestContext): Promise<unknown[]>;
  count(params: Record<string, unknown>, context: RequestContext): Promise<number>;
  get(name: string, context: RequestContext): Promise<FrappeDocument>;
  insert(doc: Record<string, unknown>, context: RequestContext): Promise<FrappeDocument>;
  update(
    name: string,
    changes: Record<string, unknown>,
    context: RequestContext,
  ): Promise<FrappeDocument>;
  delete(name: string, context: RequestContext): Promise<void>;
}

export type DoctypeRegistry = ReadonlyMap<string, DoctypeResource>;

/** One whitelisted method: its arguments as received, who calls it, and Frappe's reply. */
export type MethodHandler = (
  params: Record<string, unknown>,
  context: RequestContext,
) => Promise<MethodReply>;

export type MethodRegistry = ReadonlyMap<string, MethodHandler>;
