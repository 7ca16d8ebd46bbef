import { randomBytes } from 'node:crypto';
import {
  decideArticleFeedback,
  decideCreateArticle,
  decideCreateCategory,
  decideCreateSavedReply,
  decideDeleteArticle,
  decideDeleteCategory,
  decideDeleteSavedReply,
  decideReviseArticle,
  decideReviseCategory,
  decideReviseSavedReply,
  decideViewArticle,
  GENERAL_CATEGORY_NAME,
  presentArticle,
  refuse,
  type ArticleEvent,
  type ArticleState,
  type ArticleChanges,
  type CategoryEvent,
  type CategoryState,
  type CategoryChanges,
  type NewArticle,
  type SavedReplyInput,
} from '@helpdesk/knowledge-domain';
import {
  decideOnStream,
  inRetriedTransaction,
  loadStream,
  type EventMetadata,
  type PostgresEventStore,
  type Sql,
} from '@helpdesk/shared-event-store';
import type { DataSource } from 'typeorm';
import { toKnowledgeFrappeError } from './knowledge-errors.js';
import type { KnowledgeFacts } from './knowledge-ports.js';
import {
  articleStreamId,
  categoryStreamId,
  knowledgeSpecs,
  savedReplyStreamId,
  type KnowledgeProjection,
  type KnowledgeSpecs,
} from './knowledge-streams.js';

export interface KnowledgeCommandsOptions {
  dataSource: DataSource;
  store: PostgresEventStore;
  /** Updates the read models inside the append's transaction. */
  project: KnowledgeProjection;
  facts: KnowledgeFacts;
  now?: () => Date;
  /** Frappe's `autoname: hash`: ten hex characters. */
  newName?: () => string;
}

/** Who changes the knowledge base: a user through the API, or the site's own installation. */
export interface KnowledgeActor {
  user: string;
  correlationId?: string;
}

type Who = { user: string; now: string };

const ARTICLE = 'HD Article';
const CATEGORY = 'HD Article Category';
const SAVED_REPLY = 'HD Saved Reply';

/**
 * Every change to articles, categories and saved replies: one transaction each (re-run after a
 * lost race), several streams at once where a rule spans documents (a category's removal moves
 * its articles to General), refusals as Frappe errors.
 */
export class KnowledgeCommands {
  private readonly specs: KnowledgeSpecs;
  private readonly now: () => Date;
  private readonly newName: () => string;

  constructor(private readonly options: KnowledgeCommandsOptions) {
    this.specs = knowledgeSpecs(options.store, options.project);
    this.now = options.now ?? (() => new Date());
    this.newName = options.newName ?? (() => randomBytes(5).toString('hex'));
  }

  createArticle(input: Omit<NewArticle, 'name'>, actor: KnowledgeActor): Promise<string> {
    const name = this.newName();
    return this.run(ARTICLE, name, async (sql) => {
      if (input.category) await this.assertCategory(sql, input.category);
      await this.onArticle(sql, name, actor, (state, who) =>
        decideCreateArticle(state, { ...input, name }, who),
      );
      return name;
    });
  }

  /**
   * A save. Moving an article out of a category (or archiving it) must leave that category at
   * least one article (HD Article's `validate`).
   */
  reviseArticle(name: string, changes: ArticleChanges, actor: KnowledgeActor): Promise<void> {
    return this.run(ARTICLE, name, async (sql) => {
      await this.options.facts.lockCategories(sql);
      if (changes.category) await this.assertCategory(sql, changes.category);
      const before = presentArticle(
        (await loadStream(sql, this.specs.article, articleStreamId(name))).state,
      );
      const after = await this.onArticle(sql, name, actor, (state, who) =>
        decideReviseArticle(state, changes, who),
      );
      const left = before.category;
      if (left && left !== presentArticle(after).category) await this.assertNotEmptied(sql, left);
    });
  }

  /** Deleting the last article of a category is refused like moving it out. */
  deleteArticle(name: string, actor: KnowledgeActor): Promise<void> {
    return this.run(ARTICLE, name, async (sql) => {
      await this.options.facts.lockCategories(sql);
      const { state } = await loadStream(sql, this.specs.article, articleStreamId(name));
      const category = presentArticle(state).category;
      await this.onArticle(sql, name, actor, decideDeleteArticle);
      if (category) await this.assertNotEmptied(sql, category);
    });
  }

  viewArticle(name: string, actor: KnowledgeActor): Promise<void> {
    return this.run(ARTICLE, name, async (sql) => {
      await this.onArticle(sql, name, actor, decideViewArticle);
    });
  }

  giveFeedback(name: string, feedback: number, actor: KnowledgeActor): Promise<void> {
    return this.run(ARTICLE, name, async (sql) => {
      await this.onArticle(sql, name, actor, (state, who) =>
        decideArticleFeedback(state, feedback, who),
      );
    });
  }

  /** Articles filed under `category`, all or none (`move_to_category`). */
  moveArticles(
    articles: readonly string[],
    category: string,
    actor: KnowledgeActor,
  ): Promise<void> {
    return this.run(CATEGORY, category, async (sql) => {
      await this.options.facts.lockCategories(sql);
      await this.assertCategory(sql, category);
      const emptied = new Set<string>();
      for (const name of articles) {
        const { state } = await loadStream(sql, this.specs.article, articleStreamId(name));
        const before = presentArticle(state).category;
        await this.onArticle(sql, name, actor, (current, who) =>
          decideReviseArticle(current, { category }, who),
        );
        if (before && before !== category) emptied.add(before);
      }
      for (const left of emptied) await this.assertNotEmptied(sql, left);
    });
  }

  /** The General category, made once when the site starts; answers its name. */
  installGeneralCategory(actor: KnowledgeActor): Promise<string | null> {
    return this.run(CATEGORY, 'General', async (sql) => {
      await this.options.facts.lockCategories(sql);
      if (await this.options.facts.generalCategory(sql)) return null;
      const name = this.newName();
      await this.onCategory(sql, name, actor, (state, who) =>
        decideCreateCategory(state, { name, category_name: GENERAL_CATEGORY_NAME }, false, who),
      );
      return name;
    });
  }

  createCategory(input: CategoryChanges, actor: KnowledgeActor): Promise<string> {
    const name = this.newName();
    return this.run(CATEGORY, name, async (sql) => {
      await this.options.facts.lockCategories(sql);
      const general = await this.options.facts.generalCategory(sql);
      await this.onCategory(sql, name, actor, (state, who) =>
        decideCreateCategory(state, { ...input, name }, general !== null, who),
      );
      return name;
    });
  }

  /**
   * `create_category`: the category and a placeholder "New Article" in it, so it is never empty.
   */
  createCategoryWithArticle(
    title: string,
    actor: KnowledgeActor,
  ): Promise<{ category: string; article: string }> {
    const category = this.newName();
    const article = this.newName();
    return this.run(CATEGORY, category, async (sql) => {
      await this.options.facts.lockCategories(sql);
      const general = await this.options.facts.generalCategory(sql);
      await this.onCategory(sql, category, actor, (state, who) =>
        decideCreateCategory(
          state,
          { name: category, category_name: title },
          general !== null,
          who,
        ),
      );
      await this.onArticle(sql, article, actor, (state, who) =>
        decideCreateArticle(state, { name: article, title: 'New Article', category }, who),
      );
      return { category, article };
    });
  }

  reviseCategory(name: string, changes: CategoryChanges, actor: KnowledgeActor): Promise<void> {
    return this.run(CATEGORY, name, async (sql) => {
      await this.onCategory(sql, name, actor, (state, who) =>
        decideReviseCategory(state, changes, who),
      );
    });
  }

  /** Deleting a category moves its articles to General first. */
  deleteCategory(name: string, actor: KnowledgeActor): Promise<void> {
    return this.run(CATEGORY, name, async (sql) => {
      await this.options.facts.lockCategories(sql);
      await this.onCategory(sql, name, actor, decideDeleteCategory);
      await this.moveAll(sql, name, await this.general(sql), actor);
    });
  }

  /** `merge_category`: the source's articles go to the target, then the source is deleted. */
  mergeCategory(source: string, target: string, actor: KnowledgeActor): Promise<void> {
    return this.run(CATEGORY, source, async (sql) => {
      if (source === target) refuse('ValidationError', 'Source and target category cannot be same');
      await this.options.facts.lockCategories(sql);
      if (source === (await this.options.facts.generalCategory(sql))) {
        refuse('ValidationError', 'Cannot merge General category');
      }
      await this.assertCategory(sql, target);
      await this.onCategory(sql, source, actor, decideDeleteCategory);
      await this.moveAll(sql, source, target, actor);
    });
  }

  createSavedReply(input: SavedReplyInput, actor: KnowledgeActor): Promise<string> {
    const name = (input.title ?? '').trim();
    return this.run(SAVED_REPLY, name, async (sql) => {
      await decideOnStream(
        sql,
        this.specs.savedReply,
        savedReplyStreamId(name),
        (state) => decideCreateSavedReply(state, input, this.who(actor)),
        this.metadata(actor),
      );
      return name;
    });
  }

  reviseSavedReply(name: string, changes: SavedReplyInput, actor: KnowledgeActor): Promise<void> {
    return this.run(SAVED_REPLY, name, async (sql) => {
      await decideOnStream(
        sql,
        this.specs.savedReply,
        savedReplyStreamId(name),
        (state) => decideReviseSavedReply(state, changes, this.who(actor)),
        this.metadata(actor),
      );
    });
  }

  deleteSavedReply(name: string, actor: KnowledgeActor): Promise<void> {
    return this.run(SAVED_REPLY, name, async (sql) => {
      await decideOnStream(
        sql,
        this.specs.savedReply,
        savedReplyStreamId(name),
        (state) => decideDeleteSavedReply(state, this.who(actor)),
        this.metadata(actor),
      );
    });
  }

  private async moveAll(sql: Sql, from: string, to: string, actor: KnowledgeActor): Promise<void> {
    for (const article of await this.options.facts.articlesIn(sql, from)) {
      await this.onArticle(sql, article, actor, (state, who) =>
        decideReviseArticle(state, { category: to }, who),
      );
    }
  }

  private async general(sql: Sql): Promise<string> {
    const general = await this.options.facts.generalCategory(sql);
    if (!general) refuse('ValidationError', 'The General category is not installed');
    return general;
  }

  private async assertCategory(sql: Sql, name: string): Promise<void> {
    if (!(await this.options.facts.categoryExists(sql, name))) {
      refuse('LinkValidationError', `Could not find Category: ${name}`);
    }
  }

  private async assertNotEmptied(sql: Sql, category: string): Promise<void> {
    if ((await this.options.facts.articlesIn(sql, category)).length === 0) {
      refuse('ValidationError', 'Category must have atleast one article');
    }
  }

  private async onArticle(
    sql: Sql,
    name: string,
    actor: KnowledgeActor,
    decide: (state: ArticleState, who: Who) => ArticleEvent[],
  ): Promise<ArticleState> {
    const result = await decideOnStream(
      sql,
      this.specs.article,
      articleStreamId(name),
      (state) => decide(state, this.who(actor)),
      this.metadata(actor),
    );
    return result.state;
  }

  private async onCategory(
    sql: Sql,
    name: string,
    actor: KnowledgeActor,
    decide: (state: CategoryState, who: Who) => CategoryEvent[],
  ): Promise<void> {
    await decideOnStream(
      sql,
      this.specs.category,
      categoryStreamId(name),
      (state) => decide(state, this.who(actor)),
      this.metadata(actor),
    );
  }

  private who(actor: KnowledgeActor): Who {
    return { user: actor.user, now: this.now().toISOString() };
  }

  private metadata(actor: KnowledgeActor): EventMetadata {
    return {
      actor: actor.user,
      ...(actor.correlationId ? { correlationId: actor.correlationId } : {}),
    };
  }

  private async run<T>(doctype: string, name: string, work: (sql: Sql) => Promise<T>): Promise<T> {
    try {
      return await inRetriedTransaction(this.options.dataSource, work);
    } catch (error) {
      throw toKnowledgeFrappeError(error, doctype, name);
    }
  }
}
