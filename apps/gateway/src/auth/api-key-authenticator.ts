import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AgentSubjects, type AuthenticatedUser } from '@helpdesk/agent-contracts';
import type { Actor } from '@helpdesk/shared-messaging';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import type { GatewayConfig } from '../gateway.config.js';
import { ServiceClient } from '../rpc.providers.js';
import type { ApiKeyPair } from '@helpdesk/shared-credentials';

const MAX_CACHED = 10_000;
const SYSTEM_ACTOR: Actor = { user: 'Guest', roles: ['Guest'] };

/**
 * Resolves an API key pair to its user through agent-service, which holds the slow hashes.
 * A verified pair is remembered for a short time (keyed by a digest, never the secret itself)
 * so a busy client does not pay for a key derivation on every request.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly verified = new Map<string, { actor: Actor; expiresAt: number }>();

  constructor(
    @Inject(ServiceClient) private readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async authenticate(pair: ApiKeyPair, correlationId: string): Promise<Actor> {
    const digest = createHash('sha256').update(`${pair.apiKey}:${pair.apiSecret}`).digest('base64');
    const cached = this.verified.get(digest);
    if (cached && cached.expiresAt > Date.now()) return cached.actor;
    const user = await this.services.request<AuthenticatedUser>(
      AgentSubjects.authenticateApiKey,
      pair,
      {
        actor: SYSTEM_ACTOR,
        correlationId,
      },
    );
    const actor: Actor = { user: user.user, roles: user.roles };
    this.remember(digest, actor);
    return actor;
  }

  private remember(digest: string, actor: Actor): void {
    if (this.config.AUTH_CACHE_TTL_MS === 0) return;
    if (this.verified.size >= MAX_CACHED) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
    this.verified.set(digest, { actor, expiresAt: Date.now() + this.config.AUTH_CACHE_TTL_MS });
  }
}
