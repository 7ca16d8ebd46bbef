import { FrappeError } from '@helpdesk/shared-frappe-api';
import { isRpcRequest } from '@helpdesk/shared-messaging';
import type { RequestContext } from '@helpdesk/ticket-application';

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
