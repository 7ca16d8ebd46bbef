import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NamespacedNatsClient, RpcClient } from '@helpdesk/shared-messaging';
import { GATEWAY_CONFIG } from './gateway.tokens.js';
import type { GatewayConfig } from './gateway.config.js';

/** The gateway's one NATS connection for request/reply to the services. */
@Injectable()
export class ServiceClient extends RpcClient implements OnApplicationShutdown {
  private readonly nats: NamespacedNatsClient;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    const nats = new NamespacedNatsClient(config.HELPDESK_NAMESPACE, {
      servers: config.NATS_URL,
      name: 'gateway',
    });
    super(nats, config.NATS_REQUEST_TIMEOUT_MS);
    this.nats = nats;
  }

  connect(): Promise<unknown> {
    return this.nats.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nats.close();
  }
}
