import { createHash } from 'node:crypto';
import { AgentSubjects, type AuthenticatedUser, type SessionUser } from '@helpdesk/agent-contracts';
import type { Viewer } from '@helpdesk/realtime-application';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import { GUEST, type ServiceRequests } from '@helpdesk/shared-messaging';
import {
  sessionOutlived,
  VerifiedCache,
  type ApiKeyPair,
  type LoginSessions,
} from '@helpdesk/shared-credentials';

/**
 * Resolves a handshake's login session or API key pair to its user through agent-service, which
 * holds the slow hashes, exactly as the gateway does for HTTP. A verified pair is remembered
 * briefly under a digest (never the secret), and handshakes presenting a pair being verified wait
 * for that one answer, so a reconnect storm costs one key derivation per pair, not one per socket.
 */
export class SocketAuthenticator {
  private readonly verified: VerifiedCache<Viewer>;

  constructor(
    private readonly services: ServiceRequests,
    cacheTtlMs: number,
    private readonly sessions: LoginSessions,
  ) {
    this.verified = new VerifiedCache(cacheTtlMs);
  }

  /**
   * A login session's user as they are now (roles and enabled state from agent-service). Sessions
   * that ended — logged out, expired, the user disabled or their password set since — are refused.
   */
  async authenticateSession(sid: string, correlationId: string): Promise<Viewer> {
    const session = await this.sessions.read(sid);
    if (!session) throw FrappeError.authentication('Session expired');
    const user = await this.services.request<SessionUser>(
      AgentSubjects.sessionUser,
      { user: session.user },
      { actor: GUEST, correlationId },
    );
    if (sessionOutlived(session, user.passwordSetAt)) {
      await this.sessions.close(sid);
      throw FrappeError.authentication('Session expired');
    }
    return { user: user.user, roles: user.roles };
  }

  authenticate(pair: ApiKeyPair, correlationId: string): Promise<Viewer> {
    const digest = createHash('sha256').update(`${pair.apiKey}:${pair.apiSecret}`).digest('base64');
    return this.verified.get(digest, async () => {
      const user = await this.services.request<AuthenticatedUser>(
        AgentSubjects.authenticateApiKey,
        pair,
        { actor: GUEST, correlationId },
      );
      return { user: user.user, roles: user.roles };
    });
  }
}
