import { eventStoreMigration } from '@helpdesk/shared-event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export const KNOWLEDGE_SCHEMA = 'knowledge';

/**
 * The read models of articles, categories, feedback and saved replies. Articles carry a weighted
 * search vector (title over content, tags stripped) kept by Postgres itself, with a GIN index,
 * so full-text search needs no separate server.
 */
class KnowledgeDocuments1763700008100 implements MigrationInterface {
  name = 'KnowledgeDocuments1763700008100';

  async up(runner: QueryRunner): Promise<void> {
    const standard = `creation timestamptz NOT NULL,
      modified timestamptz NOT NULL,
      modified_by text NOT NULL,
      owner text NOT NULL`;
    await runner.query(`CREATE TABLE knowledge.hd_article (
      name text PRIMARY KEY,
      title text NOT NULL,
      title_slug text NOT NULL,
      category text,
      content text NOT NULL,
      author text NOT NULL,
      status text NOT NULL,
      published_on timestamptz,
      views integer NOT NULL,
      ${standard},
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig,
          regexp_replace(content, '<[^>]*>', ' ', 'g')), 'B')
      ) STORED
    )`);
    await runner.query(
      `CREATE INDEX hd_article_search_idx ON knowledge.hd_article USING gin (search)`,
    );
    await runner.query(
      `CREATE INDEX hd_article_category_idx ON knowledge.hd_article (category, status)`,
    );
    await runner.query(`CREATE TABLE knowledge.hd_article_category (
      name text PRIMARY KEY,
      category_name text NOT NULL,
      description text,
      icon text,
      ${standard}
    )`);
    await runner.query(`CREATE TABLE knowledge.hd_article_feedback (
      name text PRIMARY KEY,
      article text NOT NULL,
      -- Frappe's field \`user\`; a reserved word in Postgres.
      reader text NOT NULL,
      feedback text NOT NULL,
      ${standard},
      UNIQUE (article, reader)
    )`);
    await runner.query(`CREATE TABLE knowledge.hd_saved_reply (
      name text PRIMARY KEY,
      title text NOT NULL,
      message text NOT NULL,
      scope text NOT NULL,
      teams jsonb NOT NULL,
      ${standard}
    )`);
    await runner.query(
      `CREATE INDEX hd_saved_reply_teams_idx ON knowledge.hd_saved_reply USING gin (teams)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE knowledge.hd_saved_reply, knowledge.hd_article_feedback,
      knowledge.hd_article_category, knowledge.hd_article`);
  }
}

/**
 * knowledge-service's copies of what others own: users' names and pictures and team members
 * (agent-service's people events, applied in each document's order), and the HD Settings that
 * narrow saved replies (ticket-service's settings events, newest value per field).
 */
class KnowledgeCopies1763700008200 implements MigrationInterface {
  name = 'KnowledgeCopies1763700008200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE knowledge.people_user (
      name text PRIMARY KEY,
      full_name text,
      user_image text
    )`);
    await runner.query(`CREATE TABLE knowledge.team_member (
      team text NOT NULL,
      member text NOT NULL,
      PRIMARY KEY (team, member)
    )`);
    await runner.query(`CREATE INDEX team_member_member_idx ON knowledge.team_member (member)`);
    await runner.query(`CREATE TABLE knowledge.people_version (
      doctype text NOT NULL,
      name text NOT NULL,
      version integer NOT NULL,
      PRIMARY KEY (doctype, name)
    )`);
    await runner.query(`CREATE TABLE knowledge.settings (
      field text PRIMARY KEY,
      value jsonb,
      changed_at timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE knowledge.settings, knowledge.people_version,
      knowledge.team_member, knowledge.people_user`);
  }
}

export const knowledgeMigrations = [
  eventStoreMigration(KNOWLEDGE_SCHEMA),
  KnowledgeDocuments1763700008100,
  KnowledgeCopies1763700008200,
];
