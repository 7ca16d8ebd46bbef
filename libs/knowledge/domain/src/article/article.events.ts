import type { Article, ArticleFeedback } from './article.state.js';

interface Stamp {
  /** When, as an ISO instant, and by whom. */
  at: string;
  by: string;
}

export type ArticleWritableFields = Pick<Article, 'title' | 'category' | 'content' | 'status'>;

export type ArticleEvent =
  | { type: 'ArticleCreated'; data: Stamp & { article: Article } }
  | {
      type: 'ArticleRevised';
      data: Stamp & {
        changes: Partial<ArticleWritableFields> & {
          title_slug?: string;
          published_on?: string | null;
        };
      };
    }
  | { type: 'ArticleViewed'; data: Stamp & { views: number } }
  | { type: 'ArticleFeedbackGiven'; data: Stamp & { user: string; feedback: ArticleFeedback } }
  | { type: 'ArticleDeleted'; data: Stamp };

export type ArticleEventType = ArticleEvent['type'];
