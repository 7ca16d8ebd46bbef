import { AGENT_SERVICE } from '@helpdesk/agent-contracts';
import type { AgentDashboardSources, SavedLayout } from '@helpdesk/metrics-application';
import {
  methodSubject,
  resourceSubject,
  type MethodCallBody,
  type MethodReply,
  type RequestContext,
  type RpcClient,
} from '@helpdesk/shared-messaging';
import { TICKET_SERVICE } from '@helpdesk/ticket-contracts';

/**
 * The agent home's layout from agent-service (HD Field Layout) and its own-work charts from
 * ticket-service, both asked as the agent, so their owners' rules decide what comes back.
 */
export class RpcAgentDashboardSources implements AgentDashboardSources {
  constructor(private readonly services: RpcClient) {}

  async savedLayout(context: RequestContext): Promise<SavedLayout | undefined> {
    const [saved] = await this.services.request<SavedLayout[]>(
      resourceSubject(AGENT_SERVICE, 'list'),
      {
        doctype: 'HD Field Layout',
        params: {
          fields: ['name', 'layout'],
          filters: { user: context.user, type: 'Landing Page' },
          order_by: 'creation asc',
          limit_page_length: 1,
        },
      },
      meta(context),
    );
    return saved;
  }

  remoteChart(method: string, context: RequestContext): Promise<MethodReply> {
    return this.services.request<MethodReply, MethodCallBody>(
      methodSubject(TICKET_SERVICE),
      { method, params: {} },
      meta(context),
    );
  }
}

function meta({ user, roles, correlationId }: RequestContext) {
  return { actor: { user, roles }, correlationId };
}
