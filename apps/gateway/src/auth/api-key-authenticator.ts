import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AgentSubjects, type AuthenticatedUser } from '@helpdesk/agent-contracts';
import { GUEST, type Actor } from '@helpdesk/shared-messaging';
import { VerifiedCache, type ApiKeyPair } from '@helpdesk/shared-credentials';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import type { GatewayConfig } from '../gateway.config.js';
import { ServiceClient } from '../rpc.providers.js';

/**
 * Resolves an API key pair to its user through agent-service, which holds the slow hashes.
 * A verified pair is remembered for a short time under a digest (never the secret itself), and
 * requests presenting a pair being verified wait for that one answer.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly verified: VerifiedCache<Actor>;

  constructor(
    @Inject(ServiceClient) private readonly services: ServiceClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.verified = new VerifiedCache(config.AUTH_CACHE_TTL_MS);
  }

  authenticate(pair: ApiKeyPair, correlationId: string): Promise<Actor> {
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
