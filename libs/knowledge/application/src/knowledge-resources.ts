import {
  ArticleFeedbackFieldsDto,
  ArticleFieldsDto,
  CategoryFieldsDto,
  SavedReplyFieldsDto,
} from '@helpdesk/knowledge-contracts';
import { FrappeError } from '@helpdesk/shared-frappe-api';
import type { DoctypeResource, RequestContext } from '@helpdesk/shared-messaging';
import { actorOf, isAgent, isManager, readableArticle } from './knowledge-access.js';
import type { KnowledgeCommands } from './knowledge-commands.js';
import type {
  DocumentReads,
  KnowledgeSettings,
  PeopleDirectory,
  RowCondition,
} from './knowledge-ports.js';
import { KnowledgeResource, type KnowledgePolicy } from './knowledge.resource.js';

export interface KnowledgeReads {
  articles: DocumentReads;
  categories: DocumentReads;
  feedback: DocumentReads;
  savedReplies: DocumentReads;
}

/** Customers read published articles only; agents read and write all of them (§1.13). */
export const PUBLISHED_ONLY: RowCondition = { text: `status = 'Published'`, values: [] };

const SIGNED_IN_READ_AGENTS_WRITE: Omit<KnowledgePolicy, 'visibleTo'> = {
  canRead: () => true,
  canWrite: isAgent,
};

export function articleResource(
  reads: KnowledgeReads,
  commands: KnowledgeCommands,
): DoctypeResource {
  return new KnowledgeResource(
    'HD Article',
    reads.articles,
    {
      ...SIGNED_IN_READ_AGENTS_WRITE,
      visibleTo: async (context) => (isAgent(context) ? undefined : PUBLISHED_ONLY),
    },
    {
      dto: ArticleFieldsDto,
      derived: ['doctype', 'author', 'views', 'published_on', 'title_slug'],
      create: (fields, context) => commands.createArticle(fields, actorOf(context)),
      update: (name, fields, context) => commands.reviseArticle(name, fields, actorOf(context)),
      delete: (name, context) => commands.deleteArticle(name, actorOf(context)),
    },
  );
}

export function categoryResource(
  reads: KnowledgeReads,
  commands: KnowledgeCommands,
): DoctypeResource {
  return new KnowledgeResource(
    'HD Article Category',
    reads.categories,
    {
      ...SIGNED_IN_READ_AGENTS_WRITE,
      visibleTo: async () => undefined,
    },
    {
      dto: CategoryFieldsDto,
      derived: ['doctype'],
      create: (fields, context) => commands.createCategory(fields, actorOf(context)),
      update: (name, fields, context) => commands.reviseCategory(name, fields, actorOf(context)),
      delete: (name, context) => commands.deleteCategory(name, actorOf(context)),
    },
  );
}

/**
 * HD Article Feedback: each reader's verdict, named `<article>:<user>`. A reader writes only their
 * own (through the article's `set_feedback` rule); agents read everyone's.
 */
export function feedbackResource(
  reads: KnowledgeReads,
  commands: KnowledgeCommands,
): DoctypeResource {
  const save = async (fields: ArticleFeedbackFieldsDto, context: RequestContext) => {
    if (!fields.article) throw FrappeError.mandatory('HD Article Feedback', ['article']);
    // As through `set_feedback`: a reader rates only an article they may read.
    await readableArticle(reads.articles, fields.article, context);
    await commands.giveFeedback(fields.article, Number(fields.feedback ?? 0), actorOf(context));
    return `${fields.article}:${context.user}`;
  };
  return new KnowledgeResource(
    'HD Article Feedback',
    reads.feedback,
    {
      canRead: () => true,
      canWrite: () => true,
      visibleTo: async (context) =>
        isAgent(context) ? undefined : { text: 'reader = $1', values: [context.user] },
    },
    {
      dto: ArticleFeedbackFieldsDto,
      derived: ['doctype', 'user'],
      create: save,
      update: async (name, fields, context) => {
        ownFeedback(name, context);
        await save({ ...fields, article: articleOfFeedback(name) }, context);
      },
      delete: async (name, context) => {
        ownFeedback(name, context);
        await commands.giveFeedback(articleOfFeedback(name), 0, actorOf(context));
      },
    },
  );
}

function ownFeedback(name: string, context: RequestContext): void {
  if (!name.endsWith(`:${context.user}`)) {
    throw FrappeError.permission('Only the reader who gave feedback can change it');
  }
}

function articleOfFeedback(name: string): string {
  return name.slice(0, Math.max(0, name.lastIndexOf(':')));
}

/**
 * HD Saved Reply: agents only, and each agent sees the replies `hd_saved_reply.permission_query`
 * shows them. Only the owner or a manager changes one.
 */
export function savedReplyResource(
  reads: KnowledgeReads,
  commands: KnowledgeCommands,
  people: PeopleDirectory,
  settings: KnowledgeSettings,
): DoctypeResource {
  const teamsOf = (fields: SavedReplyFieldsDto) =>
    fields.teams === undefined ? undefined : (fields.teams ?? []).map((row) => row.team);
  const input = (fields: SavedReplyFieldsDto) => ({
    ...(fields.title !== undefined ? { title: fields.title } : {}),
    ...(fields.message !== undefined ? { message: fields.message } : {}),
    ...(fields.scope !== undefined ? { scope: fields.scope } : {}),
    ...(teamsOf(fields) !== undefined ? { teams: teamsOf(fields)! } : {}),
  });
  const ownerOrManager = async (name: string, context: RequestContext) => {
    if (isManager(context)) return;
    const reply = await reads.savedReplies.get(name);
    if (reply && reply.owner !== context.user) {
      throw FrappeError.permission('Only the owner or an Agent Manager can change a saved reply');
    }
  };
  return new KnowledgeResource(
    'HD Saved Reply',
    reads.savedReplies,
    {
      canRead: isAgent,
      canWrite: isAgent,
      visibleTo: (context) => savedRepliesVisibleTo(context, people, settings),
    },
    {
      dto: SavedReplyFieldsDto,
      derived: ['doctype'],
      create: (fields, context) => commands.createSavedReply(input(fields), actorOf(context)),
      update: async (name, fields, context) => {
        await ownerOrManager(name, context);
        await commands.reviseSavedReply(name, input(fields), actorOf(context));
      },
      delete: async (name, context) => {
        await ownerOrManager(name, context);
        await commands.deleteSavedReply(name, actorOf(context));
      },
    },
  );
}

/** `canUseSavedReply` as a row condition over the saved replies' read model. */
export async function savedRepliesVisibleTo(
  context: RequestContext,
  people: PeopleDirectory,
  settings: KnowledgeSettings,
): Promise<RowCondition> {
  const [teams, current] = await Promise.all([people.teamsOf(context.user), settings.current()]);
  const manager = isManager(context);
  return {
    text: `(owner = $1
      OR (scope = 'Global' AND $2::boolean)
      OR (scope = 'Team' AND ($3::boolean OR teams ?| $4::text[])))`,
    values: [
      context.user,
      manager || !current.globalScopeDisabled,
      manager || !current.restrictedByTeam,
      teams,
    ],
  };
}
