import { isAgentActor, isAgentManager, isSystemManager } from '@helpdesk/agent-domain';
import type { RequestContext } from '@helpdesk/shared-messaging';

const asActor = (context: RequestContext) => ({ actor: context.user, roles: context.roles });

export const viewerIsAgent = (context: RequestContext): boolean => isAgentActor(asActor(context));
export const viewerIsManager = (context: RequestContext): boolean =>
  isAgentManager(asActor(context));
export const viewerIsSystemManager = (context: RequestContext): boolean =>
  isSystemManager(asActor(context));
