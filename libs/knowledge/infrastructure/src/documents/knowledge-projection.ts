import {
  articleStreamId,
  categoryStreamId,
  savedReplyStreamId,
} from '@helpdesk/knowledge-application';
import type { ArticleEvent, CategoryEvent, SavedReplyEvent } from '@helpdesk/knowledge-domain';
import type { RecordedEvent, Sql } from '@helpdesk/shared-event-store';

type KnowledgeEvent = ArticleEvent | CategoryEvent | SavedReplyEvent;

const ARTICLE_PREFIX = articleStreamId('');
const CATEGORY_PREFIX = categoryStreamId('');
const SAVED_REPLY_PREFIX = savedReplyStreamId('');

/** The document a stream is about, by its id's prefix. */
export function documentOfStream(
  streamId: string,
): { doctype: 'HD Article' | 'HD Article Category' | 'HD Saved Reply'; name: string } | null {
  if (streamId.startsWith(CATEGORY_PREFIX)) {
    return { doctype: 'HD Article Category', name: streamId.slice(CATEGORY_PREFIX.length) };
  }
  if (streamId.startsWith(ARTICLE_PREFIX)) {
    return { doctype: 'HD Article', name: streamId.slice(ARTICLE_PREFIX.length) };
  }
  if (streamId.startsWith(SAVED_REPLY_PREFIX)) {
    return { doctype: 'HD Saved Reply', name: streamId.slice(SAVED_REPLY_PREFIX.length) };
  }
  return null;
}

/**
 * Keeps the knowledge read models in the append's transaction, so the service reads its own
 * writes. Rebuilt by replaying the log through the same function.
 */
export async function knowledgeProjection(sql: Sql, events: RecordedEvent[]): Promise<void> {
  for (const recorded of events) {
    const document = documentOfStream(recorded.streamId);
    if (!document) continue;
    await apply(sql, document.name, {
      type: recorded.type,
      data: recorded.data,
    } as unknown as KnowledgeEvent);
  }
}

async function apply(sql: Sql, name: string, event: KnowledgeEvent): Promise<void> {
  const { at, by } = event.data;
  switch (event.type) {
    case 'ArticleCreated': {
      const a = event.data.article;
      await sql.query(
        `INSERT INTO knowledge.hd_article (name, title, title_slug, category, content, author,
           status, published_on, views, creation, modified, modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $11)`,
        [
          name,
          a.title,
          a.title_slug,
          a.category,
          a.content,
          a.author,
          a.status,
          a.published_on,
          a.views,
          at,
          by,
        ],
      );
      return;
    }
    case 'ArticleRevised':
      return update(sql, 'knowledge.hd_article', name, { ...event.data.changes }, at, by);
    case 'ArticleViewed':
      // A view is not an edit: `modified` stays the last save's.
      await sql.query(`UPDATE knowledge.hd_article SET views = $2 WHERE name = $1`, [
        name,
        event.data.views,
      ]);
      return;
    case 'ArticleFeedbackGiven':
      // "No feedback" is no HD Article Feedback document.
      if (event.data.feedback === 0) {
        await sql.query(
          `DELETE FROM knowledge.hd_article_feedback WHERE article = $1 AND reader = $2`,
          [name, event.data.user],
        );
        return;
      }
      await sql.query(
        `INSERT INTO knowledge.hd_article_feedback
           (name, article, reader, feedback, creation, modified, modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, $5, $3, $3)
         ON CONFLICT (article, reader) DO UPDATE SET feedback = $4, modified = $5`,
        [`${name}:${event.data.user}`, name, event.data.user, String(event.data.feedback), at],
      );
      return;
    case 'ArticleDeleted':
      await sql.query(`DELETE FROM knowledge.hd_article_feedback WHERE article = $1`, [name]);
      await sql.query(`DELETE FROM knowledge.hd_article WHERE name = $1`, [name]);
      return;
    case 'CategoryCreated': {
      const c = event.data.category;
      await sql.query(
        `INSERT INTO knowledge.hd_article_category (name, category_name, description, icon,
           creation, modified, modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $6)`,
        [name, c.category_name, c.description, c.icon, at, by],
      );
      return;
    }
    case 'CategoryRevised':
      return update(sql, 'knowledge.hd_article_category', name, { ...event.data.changes }, at, by);
    case 'CategoryDeleted':
      await sql.query(`DELETE FROM knowledge.hd_article_category WHERE name = $1`, [name]);
      return;
    case 'SavedReplyCreated': {
      const r = event.data.reply;
      await sql.query(
        `INSERT INTO knowledge.hd_saved_reply (name, title, message, scope, teams,
           creation, modified, modified_by, owner)
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
        [name, r.title, r.message, r.scope, JSON.stringify(r.teams), at, by, r.owner],
      );
      return;
    }
    case 'SavedReplyRevised': {
      const { teams, ...rest } = event.data.changes;
      const changes: Record<string, unknown> = { ...rest };
      if (teams !== undefined) changes.teams = JSON.stringify(teams);
      return update(sql, 'knowledge.hd_saved_reply', name, changes, at, by);
    }
    case 'SavedReplyDeleted':
      await sql.query(`DELETE FROM knowledge.hd_saved_reply WHERE name = $1`, [name]);
      return;
  }
}

/** Columns are the domain's own field names, never client text. */
async function update(
  sql: Sql,
  table: string,
  name: string,
  changes: Record<string, unknown>,
  at: string,
  by: string,
): Promise<void> {
  const entries = Object.entries(changes);
  const sets = entries.map(([column], i) => `${column} = $${i + 4}`);
  await sql.query(
    `UPDATE ${table} SET ${['modified = $2', 'modified_by = $3', ...sets].join(', ')}
      WHERE name = $1`,
    [name, at, by, ...entries.map(([, value]) => value)],
  );
}
