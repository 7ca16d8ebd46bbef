import type { OnApplicationShutdown } from '@nestjs/common';
import { NamespacedNatsClient, RpcClient } from '@helpdesk/shared-messaging';

/** Request/reply to other services (ticket-service) over the namespaced NATS subjects. */
export class ServiceRequests extends RpcClient implements OnApplicationShutdown {
  constructor(
    private readonly client: NamespacedNatsClient,
    timeoutMs: number,
  ) {
    super(client, timeoutMs);
  }

  static async connect(
    namespace: string,
    natsUrl: string,
    timeoutMs: number,
  ): Promise<ServiceRequests> {
    const client = new NamespacedNatsClient(namespace, {
      servers: natsUrl,
      name: 'sla-service-requests',
    });
    await client.connect();
    return new ServiceRequests(client, timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
