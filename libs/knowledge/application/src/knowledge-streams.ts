import {
  evolveArticle,
  evolveCategory,
  evolveSavedReply,
  initialArticleState,
  initialCategoryState,
  initialSavedReplyState,
  type ArticleEvent,
  type ArticleState,
  type CategoryEvent,
  type CategoryState,
  type SavedReplyEvent,
  type SavedReplyState,
} from '@helpdesk/knowledge-domain';
import type {
  AggregateSpec,
  PostgresEventStore,
  RecordedEvent,
  Sql,
} from '@helpdesk/shared-event-store';

// Prefixes that cannot be mistaken for one another, whatever the names.
export const articleStreamId = (name: string): string => `kb-article-${name}`;
export const categoryStreamId = (name: string): string => `kb-category-${name}`;
export const savedReplyStreamId = (name: string): string => `hd-saved-reply-${name}`;

export type KnowledgeProjection = (sql: Sql, events: RecordedEvent[]) => Promise<void>;

export interface KnowledgeSpecs {
  article: AggregateSpec<ArticleState, ArticleEvent>;
  category: AggregateSpec<CategoryState, CategoryEvent>;
  savedReply: AggregateSpec<SavedReplyState, SavedReplyEvent>;
}

/** The three knowledge aggregates over one event store, each projected as it is appended. */
export function knowledgeSpecs(
  store: PostgresEventStore,
  project: KnowledgeProjection,
): KnowledgeSpecs {
  return {
    article: { store, initialState: initialArticleState, evolve: evolveArticle, project },
    category: { store, initialState: initialCategoryState, evolve: evolveCategory, project },
    savedReply: { store, initialState: initialSavedReplyState, evolve: evolveSavedReply, project },
  };
}
