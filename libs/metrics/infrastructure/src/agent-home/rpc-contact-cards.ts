import { AGENT_SERVICE } from '@helpdesk/agent-contracts';
import type { ContactCard, ContactCards } from '@helpdesk/metrics-application';
import { resourceSubject, type RequestContext, type RpcClient } from '@helpdesk/shared-messaging';

/** Contacts' names and pictures from agent-service, asked as the agent whose page shows them. */
export class RpcContactCards implements ContactCards {
  constructor(private readonly services: RpcClient) {}

  async cardsOf(
    names: string[],
    { user, roles, correlationId }: RequestContext,
  ): Promise<ReadonlyMap<string, ContactCard>> {
    const rows = await this.services.request<(ContactCard & { name: string })[]>(
      resourceSubject(AGENT_SERVICE, 'list'),
      {
        doctype: 'Contact',
        params: {
          fields: ['name', 'full_name', 'image'],
          filters: [['name', 'in', names]],
          limit_page_length: names.length,
        },
      },
      { actor: { user, roles }, correlationId },
    );
    return new Map(rows.map(({ name, full_name, image }) => [name, { full_name, image }]));
  }
}
