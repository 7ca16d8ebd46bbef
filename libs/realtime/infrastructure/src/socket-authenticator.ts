import { createHash } from 'node:crypto';
import { AgentSubjects, type AuthenticatedUser } from '@helpdesk/agent-contracts';
import type { Viewer } from '@helpdesk/realtime-application';
import { GUEST, type ServiceRequests } from '@helpdesk/shared-messaging';
import type { ApiKeyPair } from '@helpdesk/shared-credentials';

const MAX_CACHED = 10_000;

/**
 * Resolves a handshake's API key pair to its user through agent-service, which holds the slow
 * hashes, exactly as the gateway does for HTTP. A verified pair is remembered briefly under a
 * digest (never the secret), and handshakes presenting a pair being verified wait for that one
 * answer, so a reconnect storm costs one key derivation per pair, not one per socket.
 */
export class SocketAuthenticator {
  private readonly verified = new Map<string, { viewer: Viewer; expiresAt: number }>();
  private readonly verifying = new Map<string, Promise<Viewer>>();

  constructor(
    private readonly services: ServiceRequests,
    private readonly cacheTtlMs: number,
  ) {}

  async authenticate(pair: ApiKeyPair, correlationId: string): Promise<Viewer> {
    const digest = createHash('sha256').update(`${pair.apiKey}:${pair.apiSecret}`).digest('base64');
    const cached = this.verified.get(digest);
    if (cached && cached.expiresAt > Date.now()) return cached.viewer;
    const pending = this.verifying.get(digest);
    if (pending) return pending;
    const verification = this.verify(digest, pair, correlationId).finally(() =>
      this.verifying.delete(digest),
    );
    this.verifying.set(digest, verification);
    return verification;
  }

  private async verify(digest: string, pair: ApiKeyPair, correlationId: string): Promise<Viewer> {
    const user = await this.services.request<AuthenticatedUser>(
      AgentSubjects.authenticateApiKey,
      pair,
      { actor: GUEST, correlationId },
    );
    const viewer: Viewer = { user: user.user, roles: user.roles };
    if (this.cacheTtlMs > 0) {
      if (this.verified.size >= MAX_CACHED) {
        const oldest = this.verified.keys().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
      this.verified.set(digest, { viewer, expiresAt: Date.now() + this.cacheTtlMs });
    }
    return viewer;
  }
}
