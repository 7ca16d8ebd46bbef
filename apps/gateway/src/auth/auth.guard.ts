import {
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { GUEST } from '@helpdesk/shared-messaging';
import { isGuestMethod } from '../method/method-routes.js';
import type { GatewayRequest } from '../gateway-request.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { parseAuthorizationHeader } from '@helpdesk/shared-credentials';

const ALLOW_GUEST = 'helpdesk:allow-guest';

/** Marks a route Frappe serves to guests (`allow_guest=True`). */
export const AllowGuest = () => SetMetadata(ALLOW_GUEST, true);

/**
 * Resolves the caller once per request. A bad key pair is 401; no credentials means Guest, and
 * Guest reaching a route that is not guest-allowed is 403, as in Frappe.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ApiKeyAuthenticator) private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    // Health and metrics sit outside the API and answer probes without credentials.
    if (!request.url.startsWith('/api/')) return true;
    const pair = parseAuthorizationHeader(request.headers.authorization);
    request.actor = pair
      ? await this.authenticator.authenticate(pair, request.correlationId)
      : GUEST;
    const guestAllowed =
      this.reflector.getAllAndOverride<boolean>(ALLOW_GUEST, [
        context.getHandler(),
        context.getClass(),
      ]) || isGuestMethod(routedMethod(request));
    if (request.actor.user === 'Guest' && !guestAllowed)
      throw FrappeError.permission('Not permitted');
    return true;
  }
}

/** The method an `/api/method/:method` route was matched with (the router decoded it). */
function routedMethod(request: GatewayRequest): string {
  const method = (request.params as { method?: unknown } | undefined)?.method;
  return typeof method === 'string' ? method : '';
}
