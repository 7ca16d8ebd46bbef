import type { DocumentReads, KnowledgeReads, RowCondition } from '@helpdesk/knowledge-application';
import { withConnection } from '@helpdesk/shared-event-store';
import { FrappeListQueries, type DocTypeMeta } from '@helpdesk/shared-frappe-query';
import type { FrappeDocument } from '@helpdesk/shared-messaging';
import type { DataSource } from 'typeorm';
import { ARTICLE_META, CATEGORY_META, FEEDBACK_META, SAVED_REPLY_META } from './knowledge.meta.js';

/** Frappe list, count and document reads over one knowledge read model. */
export class PostgresDocumentReads implements DocumentReads {
  private readonly queries: FrappeListQueries;

  constructor(
    private readonly dataSource: DataSource,
    meta: DocTypeMeta,
    timeZone: string,
    /** Adds what is not a list field (a child table) to a whole document. */
    private readonly complete?: (document: FrappeDocument) => Promise<FrappeDocument>,
  ) {
    this.queries = new FrappeListQueries(meta, timeZone);
  }

  list(params: Record<string, unknown>, only?: RowCondition): Promise<unknown[]> {
    return withConnection(this.dataSource, (sql) => this.queries.list(sql, params, only));
  }

  count(params: Record<string, unknown>, only?: RowCondition): Promise<number> {
    return withConnection(this.dataSource, (sql) => this.queries.count(sql, params, only));
  }

  async get(name: string, only?: RowCondition): Promise<FrappeDocument | undefined> {
    const document = await withConnection(this.dataSource, (sql) =>
      this.queries.document(sql, name, only),
    );
    return document && this.complete ? this.complete(document) : document;
  }
}

/** Every knowledge DocType's reads; a saved reply comes with its `teams` rows. */
export function postgresKnowledgeReads(dataSource: DataSource, timeZone: string): KnowledgeReads {
  return {
    articles: new PostgresDocumentReads(dataSource, ARTICLE_META, timeZone),
    categories: new PostgresDocumentReads(dataSource, CATEGORY_META, timeZone),
    feedback: new PostgresDocumentReads(dataSource, FEEDBACK_META, timeZone),
    savedReplies: new PostgresDocumentReads(dataSource, SAVED_REPLY_META, timeZone, (document) =>
      withSavedReplyTeams(dataSource, document),
    ),
  };
}

/** HD Saved Reply Team rows, as Frappe renders a child table. */
async function withSavedReplyTeams(
  dataSource: DataSource,
  document: FrappeDocument,
): Promise<FrappeDocument> {
  const rows = (await dataSource.query(
    `SELECT teams FROM knowledge.hd_saved_reply WHERE name = $1`,
    [document.name],
  )) as { teams: string[] }[];
  const teams = rows[0]?.teams ?? [];
  return {
    ...document,
    teams: teams.map((team, i) => ({
      team,
      doctype: 'HD Saved Reply Team',
      parenttype: 'HD Saved Reply',
      parentfield: 'teams',
      parent: document.name,
      idx: i + 1,
    })),
  };
}
