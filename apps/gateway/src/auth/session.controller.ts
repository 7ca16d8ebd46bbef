import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { AgentSubjects, type SessionUser } from '@helpdesk/agent-contracts';
import type { LoginThrottle } from '@helpdesk/gateway-access';
import type { LoginSessions } from '@helpdesk/shared-credentials';
import { FrappeError, textArgument } from '@helpdesk/shared-frappe-api';
import { GUEST } from '@helpdesk/shared-messaging';
import type { FastifyReply } from 'fastify';
import type { GatewayConfig } from '../gateway.config.js';
import type { GatewayRequest } from '../gateway-request.js';
import { GATEWAY_CONFIG, LOGIN_SESSIONS, LOGIN_THROTTLE } from '../gateway.tokens.js';
import { methodParams } from '../method/method-params.js';
import { ServiceClient } from '../rpc.providers.js';
import { AllowGuest } from './auth.guard.js';
import { sessionIdOf } from './request-credentials.js';
import { clearedSessionCookies, sessionCookies } from './session-cookies.js';

/** `login` and `logout`: Frappe's cookie sessions, kept in Redis. */
@Controller({ path: ['api/method', 'api/v1/method'] })
export class SessionController {
  constructor(
    @Inject(ServiceClient) private readonly services: ServiceClient,
    @Inject(LOGIN_SESSIONS) private readonly sessions: LoginSessions,
    @Inject(LOGIN_THROTTLE) private readonly throttle: LoginThrottle | null,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * `usr`/`pwd` → a `sid` cookie and Frappe's answer. The session's CSRF token comes back in the
   * `X-Frappe-CSRF-Token` header and as `csrf_token`, for the client to send on unsafe requests.
   */
  @All('login')
  @AllowGuest()
  async login(@Req() request: GatewayRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    if (request.method !== 'POST') throw FrappeError.permission('Not permitted');
    const params = methodParams(request);
    const usr = textArgument(params, 'usr');
    const pwd = textArgument(params, 'pwd');
    await this.throttle?.check(usr, request.ip);
    let user: SessionUser;
    try {
      user = await this.services.request<SessionUser>(
        AgentSubjects.authenticatePassword,
        { usr, pwd },
        { actor: GUEST, correlationId: request.correlationId },
      );
    } catch (error) {
      if (!(error instanceof FrappeError)) throw error;
      if (error.excType === 'AuthenticationError') await this.throttle?.failed(usr, request.ip);
      throw FrappeError.authentication('Invalid login credentials');
    }
    await this.throttle?.succeeded(usr);
    const { sid, session } = await this.sessions.open(user.user);
    const secure = request.protocol === 'https';
    void reply
      .header('set-cookie', sessionCookies(sid, user, this.config.SESSION_EXPIRY_SECONDS, secure))
      .header('x-frappe-csrf-token', session.csrfToken);
    const desk = user.userType === 'System User';
    return {
      message: desk ? 'Logged In' : 'No App',
      home_page: desk ? '/app' : '/helpdesk',
      full_name: user.fullName,
      csrf_token: session.csrfToken,
    };
  }

  /** Ends the session of the `sid` cookie (if any) and clears the cookies; `{}` either way. */
  @All('logout')
  @AllowGuest()
  async logout(@Req() request: GatewayRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.close(sessionIdOf(request));
    void reply.header('set-cookie', clearedSessionCookies());
    return {};
  }
}
