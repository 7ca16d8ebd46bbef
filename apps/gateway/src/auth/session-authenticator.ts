import { Inject, Injectable } from '@nestjs/common';
import { AgentSubjects, type SessionUser } from '@helpdesk/agent-contracts';
import {
  sessionOutlived,
  VerifiedCache,
  type LoginSession,
  type LoginSessions,
} from '@helpdesk/shared-credentials';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { GUEST, type Actor } from '@helpdesk/shared-messaging';
import type { GatewayConfig } from '../gateway.config.js';
import { GATEWAY_CONFIG, LOGIN_SESSIONS } from '../gateway.tokens.js';
import { ServiceClient } from '../rpc.providers.js';

export interface SessionActor {
  actor: Actor;
  session: LoginSession;
}

/**
 * Resolves a `sid` cookie to its user as they are now: the session comes from Redis, the user's
 * roles and enabled state from agent-service (remembered for `AUTH_CACHE_TTL_MS`, as for key
 * pairs). A session of a disabled user, or one that began before the password was last set, is
 * over: the caller is Guest, as Frappe treats an invalid sid.
 */
@Injectable()
export class SessionAuthenticator {
  private readonly users: VerifiedCache<SessionUser | undefined>;

  constructor(
    @Inject(LOGIN_SESSIONS) private readonly sessions: LoginSessions,
    @Inject(ServiceClient) private readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.users = new VerifiedCache(config.AUTH_CACHE_TTL_MS);
  }

  async authenticate(sid: string, correlationId: string): Promise<SessionActor | undefined> {
    const session = await this.sessions.read(sid);
    if (!session) return undefined;
    const user = await this.users.get(session.user, () => this.user(session.user, correlationId));
    if (!user || sessionOutlived(session, user.passwordSetAt)) {
      await this.sessions.close(sid);
      return undefined;
    }
    return { actor: { user: user.user, roles: user.roles }, session };
  }

  /** The user as agent-service has them now; undefined when disabled or gone. */
  private async user(name: string, correlationId: string): Promise<SessionUser | undefined> {
    try {
      return await this.services.request<SessionUser>(
        AgentSubjects.sessionUser,
        { user: name },
        { actor: GUEST, correlationId },
      );
    } catch (error) {
      if (error instanceof FrappeError && error.excType === 'AuthenticationError') return undefined;
      throw error;
    }
  }
}
