import type { ContactTicketCounts } from '@helpdesk/agent-application';
import { NamespacedNatsClient, RpcClient } from '@helpdesk/shared-messaging';
import {
  TicketSubjects,
  type OpenTicketCounts,
  type OpenTicketCountsDto,
} from '@helpdesk/ticket-contracts';
import type { OnApplicationShutdown } from '@nestjs/common';

/** Asks ticket-service (request/reply over NATS) how many open tickets each contact has. */
export class NatsContactTicketCounts implements ContactTicketCounts, OnApplicationShutdown {
  private readonly rpc: RpcClient;

  constructor(
    private readonly client: NamespacedNatsClient,
    timeoutMs: number,
  ) {
    this.rpc = new RpcClient(client, timeoutMs);
  }

  async openTickets(
    contacts: readonly { name: string; emails: readonly string[] }[],
  ): Promise<ReadonlyMap<string, number>> {
    if (contacts.length === 0) return new Map();
    const body: OpenTicketCountsDto = {
      contacts: contacts.map(({ name, emails }) => ({ name, emails: [...emails] })),
    };
    const { counts } = await this.rpc.request<OpenTicketCounts>(
      TicketSubjects.openTicketCounts,
      body,
      {
        actor: { user: 'Administrator', roles: ['System Manager'] },
        correlationId: 'contact-ticket-counts',
      },
    );
    return new Map(Object.entries(counts));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
