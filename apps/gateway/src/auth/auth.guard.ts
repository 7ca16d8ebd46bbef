import {
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { LoginThrottle, RateLimits } from '@helpdesk/gateway-access';
import { parseAuthorizationHeader, type ApiKeyPair } from '@helpdesk/shared-credentials';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { GUEST, type Actor } from '@helpdesk/shared-messaging';
import type { GatewayRequest } from '../gateway-request.js';
import { LOGIN_THROTTLE, RATE_LIMITS } from '../gateway.tokens.js';
import { isGuestMethod } from '../method/method-routes.js';
import { methodParams } from '../method/method-params.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { calledMethod, csrfSatisfied, sessionIdOf } from './request-credentials.js';
import { SessionAuthenticator } from './session-authenticator.js';

const ALLOW_GUEST = 'helpdesk:allow-guest';

/** Marks a route Frappe serves to guests (`allow_guest=True`). */
export const AllowGuest = () => SetMetadata(ALLOW_GUEST, true);

/**
 * Resolves the caller once per request, as Frappe's `validate_auth`: an `Authorization` key pair
 * (a bad one is 401), else the `sid` cookie of a login session (unsafe requests must carry its
 * CSRF token), else Guest; Guest reaching a route that is not guest-allowed is 403. Rate limits
 * are checked around it: the site's and the address's before any credential is verified, the
 * user's and the method's once the caller is known.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ApiKeyAuthenticator) private readonly keys: ApiKeyAuthenticator,
    @Inject(SessionAuthenticator) private readonly sessions: SessionAuthenticator,
    @Inject(RATE_LIMITS) private readonly limits: RateLimits | null,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle | null,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    // Health and metrics sit outside the API and answer probes without credentials.
    if (!request.url.startsWith('/api/')) return true;
    const pair = parseAuthorizationHeader(request.headers.authorization);
    const sid = pair ? undefined : sessionIdOf(request);
    await this.limits?.admitClient(request.ip, pair !== undefined || sid !== undefined);
    request.actor = pair
      ? await this.byKeyPair(pair, request)
      : sid
        ? await this.bySession(sid, request)
        : GUEST;
    const method = calledMethod(request);
    await this.limits?.admitUser(request.actor.user);
    if (method !== '') await this.limits?.admitMethod(method, request.ip, methodParams(request));
    const guestAllowed =
      this.reflector.getAllAndOverride<boolean>(ALLOW_GUEST, [
        context.getHandler(),
        context.getClass(),
      ]) || isGuestMethod(method);
    if (request.actor.user === 'Guest' && !guestAllowed)
      throw FrappeError.permission('Not permitted');
    return true;
  }

  /** Wrong pairs count like failed sign-ins, so guessing secrets meets the same lockout. */
  private async byKeyPair(pair: ApiKeyPair, request: GatewayRequest): Promise<Actor> {
    await this.throttle?.check(`api-key:${pair.apiKey}`, request.ip);
    try {
      return await this.keys.authenticate(pair, request.correlationId);
    } catch (error) {
      if (error instanceof FrappeError && error.excType === 'AuthenticationError')
        await this.throttle?.failed(`api-key:${pair.apiKey}`, request.ip);
      throw error;
    }
  }

  private async bySession(sid: string, request: GatewayRequest): Promise<Actor> {
    const resolved = await this.sessions.authenticate(sid, request.correlationId);
    if (!resolved) return GUEST;
    if (!csrfSatisfied(request, resolved.session.csrfToken))
      throw new FrappeError('CSRFTokenError', 'Invalid Request');
    // Like Frappe, the token is taken out of the arguments once checked.
    const body = request.body as Record<string, unknown> | undefined;
    if (body && typeof body === 'object') delete body.csrf_token;
    return resolved.actor;
  }
}
