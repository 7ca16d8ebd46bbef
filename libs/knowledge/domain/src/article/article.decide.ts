import { refuse } from '../knowledge-refusal.js';
import type { ArticleEvent } from './article.events.js';
import {
  ARTICLE_STATUSES,
  titleSlug,
  type Article,
  type ArticleFeedback,
  type ArticleState,
  type ArticleStatus,
} from './article.state.js';

/** Who acts and when; decide reads no clock of its own. */
export interface ArticleActor {
  user: string;
  now: string;
}

export interface NewArticle {
  /** The document name, chosen by the caller (Frappe's `autoname: hash`). */
  name: string;
  title?: string | null;
  category?: string | null;
  content?: string | null;
  status?: string | null;
}

export function decideCreateArticle(
  state: ArticleState,
  input: NewArticle,
  actor: ArticleActor,
): ArticleEvent[] {
  if (state.kind !== 'absent')
    refuse('DuplicateEntryError', `HD Article ${input.name} already exists`);
  const status = statusOf(input.status ?? 'Draft');
  const article: Article = {
    name: input.name,
    title: requiredTitle(input.title),
    title_slug: titleSlug(requiredTitle(input.title)),
    category: status === 'Archived' ? null : (input.category ?? null),
    content: input.content ?? '',
    author: actor.user,
    status,
    published_on: status === 'Published' ? actor.now : null,
    views: 0,
  };
  assertPublishable(article);
  return [{ type: 'ArticleCreated', data: { at: actor.now, by: actor.user, article } }];
}

/**
 * A save of some fields. Publishing stamps `published_on`, going back to Draft clears it, and
 * archiving takes the article out of its category (HD Article's `validate`).
 */
/** Fields a save may carry; null clears (a title or status cannot be cleared). */
export interface ArticleChanges {
  title?: string | null;
  category?: string | null;
  content?: string | null;
  status?: string | null;
}

export function decideReviseArticle(
  state: ArticleState,
  given: ArticleChanges,
  actor: ArticleActor,
): ArticleEvent[] {
  const current = presentArticle(state);
  const changes: Extract<ArticleEvent, { type: 'ArticleRevised' }>['data']['changes'] = {};
  if (given.title !== undefined && given.title !== current.title) {
    changes.title = requiredTitle(given.title);
    changes.title_slug = titleSlug(changes.title);
  }
  if (given.content !== undefined && given.content !== current.content) {
    changes.content = given.content ?? '';
  }
  if (given.category !== undefined && given.category !== current.category) {
    changes.category = given.category;
  }
  const status =
    given.status === undefined || given.status === null ? current.status : statusOf(given.status);
  if (status !== current.status) {
    changes.status = status;
    if (status === 'Published') changes.published_on = actor.now;
    if (status === 'Draft') changes.published_on = null;
  }
  if (status === 'Archived' && (changes.category ?? current.category) !== null) {
    changes.category = null;
  }
  assertPublishable({ ...current, ...changes });
  if (Object.keys(changes).length === 0) return [];
  return [{ type: 'ArticleRevised', data: { at: actor.now, by: actor.user, changes } }];
}

export function decideViewArticle(state: ArticleState, actor: ArticleActor): ArticleEvent[] {
  const current = presentArticle(state);
  return [
    { type: 'ArticleViewed', data: { at: actor.now, by: actor.user, views: current.views + 1 } },
  ];
}

export function decideArticleFeedback(
  state: ArticleState,
  feedback: number,
  actor: ArticleActor,
): ArticleEvent[] {
  presentArticle(state);
  if (feedback !== 0 && feedback !== 1 && feedback !== 2) {
    refuse('ValidationError', 'Feedback must be 0 (none), 1 (like) or 2 (dislike)');
  }
  if (state.kind === 'present' && (state.feedback[actor.user] ?? 0) === feedback) return [];
  return [
    {
      type: 'ArticleFeedbackGiven',
      data: {
        at: actor.now,
        by: actor.user,
        user: actor.user,
        feedback: feedback as ArticleFeedback,
      },
    },
  ];
}

export function decideDeleteArticle(state: ArticleState, actor: ArticleActor): ArticleEvent[] {
  presentArticle(state);
  return [{ type: 'ArticleDeleted', data: { at: actor.now, by: actor.user } }];
}

export function presentArticle(state: ArticleState): Article {
  if (state.kind !== 'present') refuse('DoesNotExistError', 'HD Article not found');
  return state.article;
}

function requiredTitle(title: string | null | undefined): string {
  const trimmed = (title ?? '').trim();
  if (trimmed === '') refuse('MandatoryError', 'Error: Value missing for HD Article: Title');
  return trimmed;
}

function statusOf(value: string): ArticleStatus {
  if (!(ARTICLE_STATUSES as readonly string[]).includes(value)) {
    refuse(
      'ValidationError',
      `Status cannot be "${value}". It should be one of "${ARTICLE_STATUSES.join('", "')}"`,
    );
  }
  return value as ArticleStatus;
}

function assertPublishable(article: Article): void {
  if (article.status === 'Published' && stripTags(article.content).trim() === '') {
    refuse('ValidationError', 'Published articles must have content.');
  }
}

/** The text of an HTML fragment: tags dropped, the common entities read. */
export function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
