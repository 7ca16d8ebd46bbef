import type {
  ArticleHit,
  ArticleSummary,
  CategorySummary,
  KnowledgeQueries,
} from '@helpdesk/knowledge-application';
import { withConnection } from '@helpdesk/shared-event-store';
import { formatFrappeDatetime } from '@helpdesk/shared-frappe-api';
import type { DataSource } from 'typeorm';
import { PostgresKnowledgeFacts } from './postgres-knowledge-facts.js';
import { prefixQuery } from './search-terms.js';

const HEADLINE = `StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "`;

/** The knowledge base methods' own reads. */
export class PostgresKnowledgeQueries implements KnowledgeQueries {
  constructor(
    private readonly dataSource: DataSource,
    /** The site's zone: datetimes are answered as Frappe writes them, in that zone. */
    private readonly timeZone: string,
  ) {}

  /** Categories with at least one published article, the fullest first. */
  categoriesWithPublishedArticles(): Promise<CategorySummary[]> {
    return this.rows<CategorySummary>(
      `SELECT c.name, c.category_name, c.modified, count(a.name)::int AS article_count
         FROM knowledge.hd_article_category c
         JOIN knowledge.hd_article a ON a.category = c.name AND a.status = 'Published'
        GROUP BY c.name
        ORDER BY article_count DESC, c.category_name`,
    );
  }

  publishedArticlesIn(category: string): Promise<ArticleSummary[]> {
    return this.rows<ArticleSummary>(
      `SELECT name, title, published_on, modified, author, content
         FROM knowledge.hd_article
        WHERE category = $1 AND status = 'Published'
        ORDER BY published_on DESC NULLS LAST, name`,
      [category],
    );
  }

  async articleStats(
    name: string,
  ): Promise<{ views: number; likes: number; dislikes: number } | null> {
    const [row] = await this.rows<{ views: number; likes: number; dislikes: number }>(
      `SELECT a.views,
              count(*) FILTER (WHERE f.feedback = '1')::int AS likes,
              count(*) FILTER (WHERE f.feedback = '2')::int AS dislikes
         FROM knowledge.hd_article a
         LEFT JOIN knowledge.hd_article_feedback f ON f.article = a.name
        WHERE a.name = $1
        GROUP BY a.name`,
      [name],
    );
    return row ?? null;
  }

  async feedbackOf(article: string, user: string): Promise<0 | 1 | 2> {
    const [row] = await this.rows<{ feedback: string }>(
      `SELECT feedback FROM knowledge.hd_article_feedback WHERE article = $1 AND reader = $2`,
      [article, user],
    );
    return Number(row?.feedback ?? 0) as 0 | 1 | 2;
  }

  /** Ranked by the weighted vector (a title match outweighs a body match), with snippets. */
  async searchArticles(
    query: string,
    limit: number,
    publishedOnly: boolean,
  ): Promise<ArticleHit[]> {
    const terms = prefixQuery(query);
    if (terms === null) return [];
    return this.rows<ArticleHit>(
      `SELECT name,
              ts_headline('english', title, q, 'HighlightAll=true, StartSel=<mark>, StopSel=</mark>') AS title,
              ts_headline('english', regexp_replace(content, '<[^>]*>', ' ', 'g'), q, $3) AS content,
              category,
              ts_rank_cd(search, q) AS rank
         FROM knowledge.hd_article, to_tsquery('english', $1) AS q
        WHERE search @@ q AND ($2::boolean IS FALSE OR status = 'Published')
        ORDER BY rank DESC, modified DESC
        LIMIT $4`,
      [terms, publishedOnly, HEADLINE, limit],
    );
  }

  async categoryName(name: string): Promise<string | null> {
    const [row] = await this.rows<{ category_name: string }>(
      `SELECT category_name FROM knowledge.hd_article_category WHERE name = $1`,
      [name],
    );
    return row?.category_name ?? null;
  }

  generalCategory(): Promise<string | null> {
    return withConnection(this.dataSource, (sql) =>
      new PostgresKnowledgeFacts().generalCategory(sql),
    );
  }

  private async rows<T>(text: string, values: unknown[] = []): Promise<T[]> {
    const rows = (await this.dataSource.query(text, values)) as Record<string, unknown>[];
    return rows.map(
      (row) =>
        Object.fromEntries(
          Object.entries(row).map(([key, value]) => [
            key,
            value instanceof Date ? formatFrappeDatetime(value, this.timeZone) : value,
          ]),
        ) as T,
    );
  }
}
