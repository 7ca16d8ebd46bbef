import { AGENT_SERVICE } from '@helpdesk/agent-contracts';
import type { RenderSources } from '@helpdesk/knowledge-application';
import { resourceSubject, type FrappeDocument, type RpcClient } from '@helpdesk/shared-messaging';
import { TICKET_SERVICE } from '@helpdesk/ticket-contracts';

type Actor = { user: string; roles: string[] };

/**
 * The ticket and the agent's User document, asked of their owners as the agent who renders, so
 * the owners' row rules decide what the template may see.
 */
export class RpcRenderSources implements RenderSources {
  constructor(private readonly services: RpcClient) {}

  ticket(name: string, actor: Actor): Promise<FrappeDocument> {
    return this.services.request<FrappeDocument>(
      resourceSubject(TICKET_SERVICE, 'get'),
      { doctype: 'HD Ticket', name },
      { actor, correlationId: `render-saved-reply-${name}` },
    );
  }

  user(actor: Actor): Promise<FrappeDocument> {
    return this.services.request<FrappeDocument>(
      resourceSubject(AGENT_SERVICE, 'get'),
      { doctype: 'User', name: actor.user },
      { actor, correlationId: `render-saved-reply-${actor.user}` },
    );
  }
}
