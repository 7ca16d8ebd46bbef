import { canUseSavedReply, type SavedReplyScope } from '@helpdesk/knowledge-domain';
import { FrappeError, textArgument } from '@helpdesk/shared-frappe-api';
import type { MethodRegistry, RequestContext } from '@helpdesk/shared-messaging';
import { agentsOnly, isAgent, isManager } from './knowledge-access.js';
import {
  TemplateFailure,
  type DocumentReads,
  type KnowledgeSettings,
  type PeopleDirectory,
  type RenderSources,
  type TemplateRenderer,
} from './knowledge-ports.js';

export interface SavedReplyRenderingDeps {
  savedReplies: DocumentReads;
  people: PeopleDirectory;
  settings: KnowledgeSettings;
  sources: RenderSources;
  renderer: TemplateRenderer;
}

/**
 * `get_rendered_saved_reply`: the reply's template rendered with the ticket's fields and the
 * agent's User fields in one flat context, the User's winning on a clash (frappe-api §2.11).
 * Frappe checks neither document; here the ticket is read as the agent (their row rules apply)
 * and the reply must be one the agent may use.
 */
export function savedReplyMethods(deps: SavedReplyRenderingDeps): MethodRegistry {
  return new Map([
    [
      'helpdesk.api.saved_replies.get_rendered_saved_reply',
      async (params: Record<string, unknown>, context: RequestContext) => {
        if (!isAgent(context)) throw agentsOnly();
        if (
          params.saved_reply_id === undefined ||
          params.saved_reply_id === null ||
          params.saved_reply_id === ''
        ) {
          throw FrappeError.validation('Please provide saved_reply_id');
        }
        const replyName = textArgument(params, 'saved_reply_id');
        const ticketName = textArgument(params, 'ticket_id');
        const reply = await usableReply(deps, replyName, context);
        const actor = { user: context.user, roles: context.roles };
        const [ticket, user] = await Promise.all([
          deps.sources.ticket(ticketName, actor),
          deps.sources.user(actor),
        ]);
        try {
          return {
            message: await deps.renderer.render(String(reply.message), { ...ticket, ...user }),
          };
        } catch (error) {
          if (error instanceof TemplateFailure) throw FrappeError.validation(error.message);
          throw error;
        }
      },
    ],
  ]);
}

async function usableReply(
  deps: SavedReplyRenderingDeps,
  name: string,
  context: RequestContext,
): Promise<Record<string, unknown>> {
  const reply = await deps.savedReplies.get(name);
  if (!reply) throw FrappeError.doesNotExist('HD Saved Reply', name);
  const [teams, settings] = await Promise.all([
    deps.people.teamsOf(context.user),
    deps.settings.current(),
  ]);
  const usable = canUseSavedReply(
    {
      owner: String(reply.owner),
      scope: reply.scope as SavedReplyScope,
      teams: Array.isArray(reply.teams)
        ? reply.teams.map((row) => String((row as { team: unknown }).team))
        : [],
    },
    { user: context.user, isManager: isManager(context), teams },
    settings,
  );
  if (!usable) throw FrappeError.permission('Insufficient Permission for HD Saved Reply');
  return reply;
}
