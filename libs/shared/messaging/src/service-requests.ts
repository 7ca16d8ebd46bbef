import type { OnApplicationShutdown } from '@nestjs/common';
import { NamespacedNatsClient } from './namespaced-nats.js';
import { RpcClient } from './rpc-client.js';

/**
 * A worker's request/reply to other services (ticket-service's internal commands) over the
 * namespaced NATS subjects, on a connection of its own that closes with the app.
 */
export class ServiceRequests extends RpcClient implements OnApplicationShutdown {
  constructor(
    private readonly client: NamespacedNatsClient,
    timeoutMs: number,
  ) {
    super(client, timeoutMs);
  }

  /** `name` labels the connection on the NATS server (`<app>-requests`). */
  static async connect(options: {
    namespace: string;
    natsUrl: string;
    timeoutMs: number;
    name: string;
  }): Promise<ServiceRequests> {
    const client = new NamespacedNatsClient(options.namespace, {
      servers: options.natsUrl,
      name: options.name,
    });
    await client.connect();
    return new ServiceRequests(client, options.timeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
