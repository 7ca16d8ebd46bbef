import type { Sql } from '@helpdesk/shared-event-store';
import type { FrappeDocument } from '@helpdesk/shared-messaging';

/** A row-level condition (`$1…` placeholders) ANDed into a read. */
export interface RowCondition {
  text: string;
  values: unknown[];
}

/** Frappe reads over one knowledge DocType's read model. */
export interface DocumentReads {
  list(params: Record<string, unknown>, only?: RowCondition): Promise<unknown[]>;
  count(params: Record<string, unknown>, only?: RowCondition): Promise<number>;
  get(name: string, only?: RowCondition): Promise<FrappeDocument | undefined>;
}

/**
 * What the commands read of other knowledge documents on their own transaction. Commands that
 * move articles between categories first take one lock, so two of them cannot both leave a
 * category empty.
 */
export interface KnowledgeFacts {
  lockCategories(sql: Sql): Promise<void>;
  categoryExists(sql: Sql, name: string): Promise<boolean>;
  /** The name of the category called General, once installed. */
  generalCategory(sql: Sql): Promise<string | null>;
  /** The articles filed under `category`. */
  articlesIn(sql: Sql, category: string): Promise<string[]>;
}

/** One published article as `get_category_articles` lists it. */
export interface ArticleSummary {
  name: string;
  title: string;
  published_on: string | null;
  modified: string;
  author: string;
  content: string;
}

export interface CategorySummary {
  name: string;
  category_name: string;
  modified: string;
  article_count: number;
}

export interface ArticleHit {
  name: string;
  title: string;
  /** A snippet of the content with `<mark>` around the matches. */
  content: string;
  category: string | null;
  rank: number;
}

/** The knowledge base's own queries, beyond Frappe's list machinery. */
export interface KnowledgeQueries {
  categoriesWithPublishedArticles(): Promise<CategorySummary[]>;
  publishedArticlesIn(category: string): Promise<ArticleSummary[]>;
  articleStats(name: string): Promise<{ views: number; likes: number; dislikes: number } | null>;
  feedbackOf(article: string, user: string): Promise<0 | 1 | 2>;
  /** Ranked full-text search over titles and contents; `publishedOnly` for non-agents. */
  searchArticles(query: string, limit: number, publishedOnly: boolean): Promise<ArticleHit[]>;
  categoryName(name: string): Promise<string | null>;
  generalCategory(): Promise<string | null>;
}

/** A user as the knowledge base shows an author. */
export interface PersonCard {
  name: string;
  full_name: string | null;
  user_image: string | null;
}

/** Users and team memberships, kept from agent-service's people events. */
export interface PeopleDirectory {
  person(user: string): Promise<PersonCard | null>;
  teamsOf(user: string): Promise<string[]>;
}

/** HD Settings that decide what agents see, kept from ticket-service's settings events. */
export interface KnowledgeSettings {
  current(): Promise<{ globalScopeDisabled: boolean; restrictedByTeam: boolean }>;
}

/** The documents a saved reply is rendered with, read as the agent who asks. */
export interface RenderSources {
  /** The ticket as `frappe.client.get` gives it to `actor`; a 403/404 if they may not read it. */
  ticket(name: string, actor: { user: string; roles: string[] }): Promise<FrappeDocument>;
  /** The session user's User document. */
  user(actor: { user: string; roles: string[] }): Promise<FrappeDocument>;
}

/** Renders a Jinja-style template with plain data only, in a sandbox. */
export interface TemplateRenderer {
  /** The rendered text; a `TemplateFailure` when the template is broken or misbehaves. */
  render(template: string, context: Record<string, unknown>): Promise<string>;
}

/** A template that cannot be rendered: bad syntax, a runtime error, too slow or too large. */
export class TemplateFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateFailure';
  }
}
