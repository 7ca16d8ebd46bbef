import { stripTags } from '@helpdesk/knowledge-domain';
import { FrappeError, jsonArgument, textArgument } from '@helpdesk/shared-frappe-api';
import type { MethodRegistry, MethodReply, RequestContext } from '@helpdesk/shared-messaging';
import { actorOf, isAgent, isGuest, notPermittedOn, readableArticle } from './knowledge-access.js';
import type { KnowledgeCommands } from './knowledge-commands.js';
import type { KnowledgeQueries, PeopleDirectory } from './knowledge-ports.js';
import type { KnowledgeReads } from './knowledge-resources.js';

const KB = 'helpdesk.api.knowledge_base';
/** How many hits `helpdesk.api.article.search` answers (Frappe's NUM_RESULTS). */
const ARTICLE_SEARCH_HITS = 5;
const EXCERPT = 100;

export interface KnowledgeBaseDeps {
  commands: KnowledgeCommands;
  reads: KnowledgeReads;
  queries: KnowledgeQueries;
  people: PeopleDirectory;
}

/** The knowledge base's whitelisted methods (frappe-api §2.8). */
export function knowledgeBaseMethods(deps: KnowledgeBaseDeps): MethodRegistry {
  const { commands, queries } = deps;
  const reply = (message?: unknown): MethodReply => (message === undefined ? {} : { message });

  return new Map([
    [
      `${KB}.get_article`,
      async (params, context) =>
        reply(await articleAsRead(deps, textArgument(params, 'name'), context)),
    ],
    [
      `${KB}.delete_articles`,
      async (params, context) => {
        agent(context, 'HD Article');
        for (const name of names(params.articles, 'articles')) {
          await commands.deleteArticle(name, actorOf(context));
        }
        return reply();
      },
    ],
    [
      `${KB}.create_category`,
      async (params, context) => {
        agent(context, 'HD Article Category');
        return reply(
          await commands.createCategoryWithArticle(textArgument(params, 'title'), actorOf(context)),
        );
      },
    ],
    [
      `${KB}.move_to_category`,
      async (params, context) => {
        agent(context, 'HD Article');
        const category = textArgument(params, 'category');
        try {
          await commands.moveArticles(
            names(params.articles, 'articles'),
            category,
            actorOf(context),
          );
        } catch (error) {
          // Frappe wraps the category rule's refusal in its own message.
          if (error instanceof FrappeError && error.excType === 'ValidationError') {
            throw FrappeError.validation('Error moving article to category');
          }
          throw error;
        }
        return reply();
      },
    ],
    [`${KB}.get_categories`, async () => reply(await queries.categoriesWithPublishedArticles())],
    [
      `${KB}.get_category_articles`,
      async (params) => {
        const articles = await queries.publishedArticlesIn(textArgument(params, 'category'));
        // A category's articles share a few authors: each is looked up once.
        const authors = new Map(
          await Promise.all(
            [...new Set(articles.map((article) => article.author))].map(
              async (user) => [user, await authorCard(deps.people, user)] as const,
            ),
          ),
        );
        return reply(
          articles.map((article) => ({
            ...article,
            author: authors.get(article.author),
            content: stripTags(article.content).slice(0, EXCERPT),
          })),
        );
      },
    ],
    [
      `${KB}.merge_category`,
      async (params, context) => {
        agent(context, 'HD Article Category');
        await commands.mergeCategory(
          textArgument(params, 'source'),
          textArgument(params, 'target'),
          actorOf(context),
        );
        return reply();
      },
    ],
    [`${KB}.get_general_category`, async () => reply(await queries.generalCategory())],
    [
      `${KB}.get_category_title`,
      async (params) => {
        const category = textArgument(params, 'category');
        const title = await queries.categoryName(category);
        if (title === null) throw FrappeError.doesNotExist('HD Article Category', category);
        return reply(title);
      },
    ],
    [
      `${KB}.increment_views`,
      async (params, context) => {
        const name = textArgument(params, 'article');
        await readableArticle(deps.reads.articles, name, context);
        await commands.viewArticle(name, actorOf(context));
        return reply();
      },
    ],
    [
      'helpdesk.api.article.get_article_stats',
      async (params, context) => {
        const name = textArgument(params, 'article_name');
        await readableArticle(deps.reads.articles, name, context);
        return reply(await queries.articleStats(name));
      },
    ],
    [
      'helpdesk.api.article.search',
      async (params, context) => {
        if (isGuest(context)) throw FrappeError.permission('Not permitted');
        const query = textArgument(params, 'query');
        const hits = await queries.searchArticles(query, ARTICLE_SEARCH_HITS, !isAgent(context));
        return reply([
          {
            title: 'Articles',
            items: hits.map((hit) => ({ ...hit, doctype: 'HD Article' })),
          },
        ]);
      },
    ],
    ['run_doc_method', async (params, context) => runDocMethod(deps, params, context)],
  ]);
}

/** `HD Article.set_feedback(value)`, the one document method the knowledge base has. */
async function runDocMethod(
  deps: KnowledgeBaseDeps,
  params: Record<string, unknown>,
  context: RequestContext,
): Promise<MethodReply> {
  const docs =
    params.docs === undefined ? {} : (jsonArgument(params.docs, 'docs') as Record<string, unknown>);
  const doctype = params.dt ?? docs.doctype;
  const name = String(params.dn ?? docs.name ?? '');
  if (doctype !== 'HD Article' || params.method !== 'set_feedback') {
    throw new FrappeError('DoesNotExistError', `Method ${String(params.method)} not found`);
  }
  if (isGuest(context)) throw FrappeError.permission('Not permitted');
  await readableArticle(deps.reads.articles, name, context);
  const args =
    params.args === undefined ? {} : (jsonArgument(params.args, 'args') as Record<string, unknown>);
  const value = Number(args.value ?? params.value);
  await deps.commands.giveFeedback(name, value, actorOf(context));
  return { docs: [await deps.reads.articles.get(name)] };
}

/** `get_article`: the article with its author and category, and the reader's own feedback. */
async function articleAsRead(
  deps: KnowledgeBaseDeps,
  name: string,
  context: RequestContext,
): Promise<Record<string, unknown>> {
  const article = await readableArticle(deps.reads.articles, name, context);
  const category = typeof article.category === 'string' ? article.category : null;
  return {
    name: article.name,
    title: article.title,
    content: article.content,
    author: await authorCard(deps.people, String(article.author)),
    creation: article.creation,
    status: article.status,
    published_on: article.published_on,
    modified: article.modified,
    category_name: category ? await deps.queries.categoryName(category) : null,
    category_id: category,
    feedback: isGuest(context) ? 0 : await deps.queries.feedbackOf(name, context.user),
  };
}

/** Frappe's `get_user_info_for_avatar`. */
async function authorCard(people: PeopleDirectory, user: string) {
  const person = await people.person(user);
  return { email: user, image: person?.user_image ?? null, name: person?.full_name ?? user };
}

function agent(context: RequestContext, doctype: string): void {
  if (!isAgent(context)) throw notPermittedOn(doctype);
}

function names(value: unknown, key: string): string[] {
  const list = jsonArgument(value, key);
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === '')) {
    throw FrappeError.validation(`${key} must be a list of names`);
  }
  if (list.length > 1000) throw FrappeError.validation(`${key} may name at most 1000 documents`);
  return list as string[];
}
