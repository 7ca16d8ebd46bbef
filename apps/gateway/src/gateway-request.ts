import type { Actor, RequestMeta } from '@helpdesk/shared-messaging';
import type { FastifyRequest } from 'fastify';

export type GatewayRequest = FastifyRequest & { actor: Actor; correlationId: string };

export function metaOf(request: GatewayRequest): RequestMeta {
  return { actor: request.actor, correlationId: request.correlationId };
}
