export const ARTICLE_DOCTYPE = 'HD Article';
export const ARTICLE_STATUSES = ['Draft', 'Published', 'Archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** A reader's verdict on an article: none, like or dislike (HD Article Feedback's Select). */
export type ArticleFeedback = 0 | 1 | 2;

/** The fields of HD Article (frappe-api §1.13) besides Frappe's standard ones. */
export interface Article {
  name: string;
  title: string;
  title_slug: string;
  category: string | null;
  content: string;
  author: string;
  status: ArticleStatus;
  /** ISO instant it was last published; null while a draft. */
  published_on: string | null;
  views: number;
}

export type ArticleState =
  | { kind: 'absent' }
  | { kind: 'present'; article: Article; feedback: Readonly<Record<string, ArticleFeedback>> }
  | { kind: 'deleted' };

export const initialArticleState: ArticleState = { kind: 'absent' };

/** Frappe's `title_slug`: the title lowercased with spaces turned into hyphens. */
export function titleSlug(title: string): string {
  return title.toLowerCase().replace(/ /g, '-');
}
