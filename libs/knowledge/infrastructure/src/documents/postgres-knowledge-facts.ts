import type { KnowledgeFacts } from '@helpdesk/knowledge-application';
import { GENERAL_CATEGORY_NAME } from '@helpdesk/knowledge-domain';
import type { Sql } from '@helpdesk/shared-event-store';

/** One advisory lock for every command that files articles into or out of categories. */
const CATEGORY_LOCK = 0x6b6e6f77; // "know"

/** The category rules' reads, on the command's own transaction. */
export class PostgresKnowledgeFacts implements KnowledgeFacts {
  async lockCategories(sql: Sql): Promise<void> {
    await sql.query(`SELECT pg_advisory_xact_lock($1)`, [CATEGORY_LOCK]);
  }

  async categoryExists(sql: Sql, name: string): Promise<boolean> {
    const { rows } = await sql.query(
      `SELECT 1 FROM knowledge.hd_article_category WHERE name = $1`,
      [name],
    );
    return rows.length > 0;
  }

  async generalCategory(sql: Sql): Promise<string | null> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM knowledge.hd_article_category WHERE category_name = $1
        ORDER BY creation LIMIT 1`,
      [GENERAL_CATEGORY_NAME],
    );
    return rows[0]?.name ?? null;
  }

  async articlesIn(sql: Sql, category: string): Promise<string[]> {
    const { rows } = await sql.query<{ name: string }>(
      `SELECT name FROM knowledge.hd_article WHERE category = $1 ORDER BY creation`,
      [category],
    );
    return rows.map((row) => row.name);
  }
}
